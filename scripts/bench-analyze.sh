#!/usr/bin/env bash
# Analyzer budget over the Go 1.22 std tree, measured so that a loaded, shared machine does not
# change the answer. Two measurements of each phase of benches/analyze.rs (parse only, parse +
# bare cursor walk, full analysis), each phase run alone:
#  * instructions executed, counted by valgrind's cachegrind (--cache-sim=no) over a
#    deterministic sample (every EVERY-th file, default 8) with the cost of loading the files
#    (phase `none`) subtracted: this count does not depend on other processes at all;
#  * process CPU time over the whole tree, best of ROUNDS runs (default 3): CPU time is not
#    inflated by waiting for a core, but still by cache contention on a busy machine.
# Prints both, the ratios to parse-only (budget: full analysis <= 1.25 x parse) and MB/s.
#
# Usage: scripts/bench-analyze.sh [ROUNDS] [EVERY]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
EVERY="${2:-8}"
cd "$ROOT"

bin=$(cargo bench --profile release-native --bench analyze --no-run --message-format=json 2>/dev/null |
  grep -o '"executable":"[^"]*analyze-[^"]*"' | tail -1 | cut -d'"' -f4)
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "bench-analyze: could not build benches/analyze.rs" >&2
  exit 2
fi
if [ ! -d /usr/share/go-1.22/src ]; then
  "$bin"
  exit 0
fi

declare -A ins cpu
for phase in parse walk full; do
  cpu[$phase]=$(GOCOMPAT_BENCH_ONLY=$phase GOCOMPAT_BENCH_ROUNDS="$ROUNDS" "$bin" | grep -oE 'cpu [0-9.]+' | cut -d' ' -f2)
done
have_vg=0
if command -v valgrind >/dev/null; then
  have_vg=1
  tmp=$(mktemp -d)
  for phase in none parse walk full; do
    GOCOMPAT_BENCH_ONLY=$phase GOCOMPAT_BENCH_EVERY="$EVERY" valgrind --tool=cachegrind --cache-sim=no \
      --cachegrind-out-file="$tmp/cg.$phase" "$bin" >/dev/null 2>"$tmp/vg.$phase" || true
    ins[$phase]=$(grep -E '^summary:' "$tmp/cg.$phase" | awk '{print $2}')
  done
  rm -rf "$tmp"
fi
bytes=$(find /usr/share/go-1.22/src -name '*.go' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
awk -v b="$bytes" -v vg="$have_vg" -v every="$EVERY" -v rounds="$ROUNDS" \
  -v i0="${ins[none]:-0}" -v ip="${ins[parse]:-0}" -v iw="${ins[walk]:-0}" -v iF="${ins[full]:-0}" \
  -v tp="${cpu[parse]}" -v tw="${cpu[walk]}" -v tF="${cpu[full]}" 'BEGIN {
  mb = b / 1e6
  printf "analyzer budget over /usr/share/go-1.22/src (%.1f MB)\n", mb
  printf "  %-18s %12s %8s", "phase", "cpu s", "MB/s"
  if (vg) printf " %18s", "instructions (1/" every ")"
  printf "\n"
  printf "  %-18s %12.2f %8.1f", "parse only", tp, mb / tp;        if (vg) printf " %18.0f", ip - i0; printf "\n"
  printf "  %-18s %12.2f %8.1f", "parse + bare walk", tw, mb / tw; if (vg) printf " %18.0f", iw - i0; printf "\n"
  printf "  %-18s %12.2f %8.1f", "full analysis", tF, mb / tF;     if (vg) printf " %18.0f", iF - i0; printf "\n"
  printf "  ratio walk/parse   cpu %.3f", tw / tp; if (vg) printf "   instructions %.3f", (iw - i0) / (ip - i0); printf "\n"
  printf "  ratio full/parse   cpu %.3f", tF / tp; if (vg) printf "   instructions %.3f", (iF - i0) / (ip - i0); printf "   (budget 1.25)\n"
  printf "  (cpu: best of %d rounds over every file; instructions: cachegrind over every %dth file, loading subtracted)\n", rounds, every
}'
