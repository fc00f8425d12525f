#!/usr/bin/env bash
# Post-build step 05: the analysis worker's script. The page and the worker run one wasm
# module (src/main.rs); the worker imports a copy of Trunk's JS glue (same content, its own
# name, so that the page's and the worker's module imports are one request each) and gets
# the compiled module from the page (www/worker.js, src/ui/worker_client.rs).
set -euo pipefail
: "${ROOT:?}" "${STAGING:?}"
shopt -s nullglob
glues=("$STAGING"/gocompat-*.js)
[ "${#glues[@]}" -eq 1 ] || { echo "05-worker: expected one gocompat-*.js glue in $STAGING, found ${#glues[@]}" >&2; exit 1; }
glue="$(basename "${glues[0]}")"
copy="worker-${glue#gocompat-}"
cp "${glues[0]}" "$STAGING/$copy"
sed "s|__GLUE__|$copy|" "$ROOT/www/worker.js" >"$STAGING/worker.js"
grep -q "__GLUE__" "$STAGING/worker.js" && { echo "05-worker: placeholder left in worker.js" >&2; exit 1; }
echo "05-worker: worker.js imports $copy"
