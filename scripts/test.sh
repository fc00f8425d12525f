#!/usr/bin/env bash
# README command 2: install what is missing, then run every test:
# native unit/fixture/oracle tests, the release wasm build, and the browser tests in Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$(date +%s)
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "[test] setup took $(( $(date +%s) - start )) s"

echo "== native tests (cargo test)"
cargo test --locked

# Every fuzz target briefly, so that a new crash is caught (fuzz/README.md). 0 skips it.
FUZZ_SECS="${GOCOMPAT_FUZZ_SECONDS:-20}"
if [ "$FUZZ_SECS" != 0 ]; then
  echo "== fuzz targets, ${FUZZ_SECS} s each (GOCOMPAT_FUZZ_SECONDS; 0 skips)"
  GOCOMPAT_FUZZ_MODE=ci scripts/fuzz.sh "$FUZZ_SECS"
fi

echo "== release wasm build (trunk build --release --offline)"
with_wasm_env trunk build --release --offline
# Every wasm and JS file, then the wasm total against the budget (issue 7). The page and its
# analysis worker run one wasm module, downloaded and compiled once.
WASM_BUDGET_GZ=600000
wasm_raw=0; wasm_gz=0
for f in dist/*.wasm dist/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  printf '[size] %-48s raw %8d B   gzip -9 %8d B\n' "$f" "$raw" "$gz"
  case "$f" in *.wasm) wasm_raw=$((wasm_raw + raw)); wasm_gz=$((wasm_gz + gz)) ;; esac
done
printf '[size] %-48s raw %8d B   gzip -9 %8d B   budget %d B gzip: %s\n' "wasm total (page + worker: one module)" "$wasm_raw" "$wasm_gz" \
  "$WASM_BUDGET_GZ" "$([ "$wasm_gz" -le "$WASM_BUDGET_GZ" ] && echo within || echo "OVER by $((wasm_gz - WASM_BUDGET_GZ)) B")"

echo "== browser tests (playwright-core + /usr/bin/chromium)"
(cd tests/browser && node --test --test-concurrency=1 ./*.test.mjs)

echo "[test] all tests passed in $(( $(date +%s) - start )) s"
