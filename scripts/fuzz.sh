#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 30), one after another,
# starting from the committed seed corpus fuzz/seeds/<target>/ plus, for the analyzer targets,
# every Go fixture (copied at run time; new inputs go to the
# ignored fuzz/corpus/<target>/). Installs cargo-fuzz (nightly) when missing. Prints, per
# target, executions, exec/s and coverage (libFuzzer's cov/ft) and whether it crashed;
# exits non-zero when a target crashed (the input is in fuzz/artifacts/<target>/).
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-30}"
shift || true
cd "$ROOT/fuzz"

if ! command -v rustup >/dev/null || ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] nightly Rust is required: rustup toolchain install nightly" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz (a few minutes)"
  cargo +nightly install cargo-fuzz --locked || exit 2
fi

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

start=$(date +%s)
echo "[fuzz] building ${#targets[@]} targets"
cargo +nightly fuzz build || exit 2
echo "[fuzz] build took $(( $(date +%s) - start )) s"

# The analyzer targets start from every fixture and loop-variable case, copied here at run
# time (not committed twice): fuzz/generated-seeds/<target>/, named <folder>__<file>.
gen_seeds() {
  local dir="generated-seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  local f
  for f in "$ROOT"/tests/fixtures/*/*.go "$ROOT"/data/knowledge/loopvar-cases/*.go; do
    cp "$f" "$dir/$(basename "$(dirname "$f")")__$(basename "$f")"
  done
}

mkdir -p logs
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  extra=()
  case "$t" in analyzer_go|analyzer_bytes) gen_seeds "$t"; extra=("generated-seeds/$t") ;; esac
  log="logs/$t.log"
  echo "[fuzz] $t for ${SECS}s"
  cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" "${extra[@]}" -- \
    -max_total_time="$SECS" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  eps=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  if [ "$rc" -eq 0 ]; then res=ok; else res="CRASH (rc=$rc, see fuzz/$log and fuzz/artifacts/$t/)"; status=1; fi
  summary+=("$(printf '%-16s runs %10s  exec/s %6s  cov %6s  ft %7s  %s' "$t" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$res")")
done

echo
echo "[fuzz] summary (${SECS}s per target, total $(( $(date +%s) - start )) s including build)"
printf '%s\n' "${summary[@]}"
exit $status
