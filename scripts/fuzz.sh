#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each (default 30), one after another,
# starting from the committed seed corpus fuzz/seeds/<target>/ plus, for the analyzer targets,
# every Go fixture (copied at run time; new inputs go to the
# ignored fuzz/corpus/<target>/). Needs only nightly Rust (see MODE below). Prints, per
# target, executions, exec/s and coverage (libFuzzer's cov/ft) and whether it crashed;
# exits non-zero when a target crashed (the input is in fuzz/artifacts/<target>/).
#
# Usage: [GOCOMPAT_FUZZ_MODE=campaign|ci] scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-30}"
shift || true
cd "$ROOT/fuzz"

if ! command -v rustup >/dev/null; then
  echo "[fuzz] rustup is required (nightly Rust)" >&2
  exit 2
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] installing the nightly toolchain (minimal profile)"
  rustup toolchain install nightly --profile minimal >&2 || exit 2
fi

# Built without cargo-fuzz (nothing to install): `cargo +nightly build` with the flags
# `cargo fuzz build` passes (cargo-fuzz 0.13 src/project.rs). GOCOMPAT_FUZZ_MODE=campaign (the
# default) also enables AddressSanitizer (tree-sitter is C) and one codegen unit, like
# cargo-fuzz; GOCOMPAT_FUZZ_MODE=ci (scripts/test.sh) leaves both out: a faster build and
# more executions per second, still catching every Rust panic, overflow and stack overflow.
MODE="${GOCOMPAT_FUZZ_MODE:-campaign}"
TRIPLE=$(rustc +nightly -vV | sed -n 's/^host: //p')
FLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
FLAGS+=" -Cllvm-args=-simplifycfg-branch-fold-threshold=0 -Cllvm-args=-sanitizer-coverage-stack-depth"
case "$MODE" in
  campaign) FLAGS+=" -Zsanitizer=address -Ccodegen-units=1" ;;
  ci) ;;
  *) echo "[fuzz] GOCOMPAT_FUZZ_MODE must be campaign or ci" >&2; exit 2 ;;
esac
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/fuzz/target}/$MODE"
BIN="$TARGET_DIR/$TRIPLE/release"

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' Cargo.toml | grep -v '^gocompat-fuzz$')
fi

start=$(date +%s)
echo "[fuzz] building ${#targets[@]} targets ($MODE mode)"
bins=()
for t in "${targets[@]}"; do bins+=(--bin "$t"); done
RUSTFLAGS="$FLAGS" cargo +nightly build --locked --manifest-path "$ROOT/fuzz/Cargo.toml" --target "$TRIPLE" --release \
  --config 'profile.release.debug="line-tables-only"' --target-dir "$TARGET_DIR" "${bins[@]}" || exit 2
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

mkdir -p "logs/$MODE"
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  extra=()
  case "$t" in analyzer_go|analyzer_bytes) gen_seeds "$t"; extra=("generated-seeds/$t") ;; esac
  log="logs/$MODE/$t.log"
  echo "[fuzz] $t for ${SECS}s"
  mkdir -p "artifacts/$t"
  "$BIN/$t" "corpus/$t" "seeds/$t" "${extra[@]}" -artifact_prefix="artifacts/$t/" \
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
