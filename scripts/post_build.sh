#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml [[hooks]]): runs every step in scripts/post_build.d/ in name
# order on the staging directory before Trunk moves it to dist/. Steps add generated files
# (embed entry, rule pages, service worker); the service worker step runs last so that it can
# list every file of the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
export ROOT STAGING="$TRUNK_STAGING_DIR"
for step in "$ROOT"/scripts/post_build.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done
