#!/usr/bin/env bash
# Copies ../shared/knowledge into data/knowledge (see data/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${1:-$ROOT/../shared/knowledge}"
rm -rf "$ROOT/data/knowledge"
cp -r "$SRC" "$ROOT/data/knowledge"
echo "copied $SRC -> data/knowledge"
