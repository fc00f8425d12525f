#!/usr/bin/env bash
# README command 1: install what is missing, build the release app, serve it on 127.0.0.1:8080.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GOCOMPAT_NO_GO=1 source "$ROOT/scripts/setup.sh"
cd "$ROOT"
with_wasm_env trunk build --release --offline
PORT="${PORT:-8080}"
echo
echo "gocompat is served at http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
exec python3 -m http.server --bind 127.0.0.1 --directory "$ROOT/dist" "$PORT"
