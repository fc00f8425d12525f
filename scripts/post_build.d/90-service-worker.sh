#!/usr/bin/env bash
# Post-build step 90 (last): the service worker that makes the page work offline after one visit.
#
# Writes $STAGING/sw.js from www/sw.js.in with the list of every file of the build (relative
# URLs, so the app works under any path prefix) and a version derived from the hash of all file
# names and contents: a new build gives a new sw.js, the browser installs it, it caches the new
# files and deletes the caches of older versions. Runs after every other step, so it lists the
# generated pages too. www/sw-register.js (copied by Trunk) registers it.
set -euo pipefail
: "${ROOT:?run by scripts/post_build.sh}" "${STAGING:?run by scripts/post_build.sh}"
cd "$STAGING"
rm -f sw.js
# Every file except dot files (Trunk's lock) and the service worker itself, sorted for stability.
mapfile -t files < <(find . -type f ! -name '.*' ! -name 'sw.js' -printf '%P\n' | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || { echo "90-service-worker: empty build" >&2; exit 1; }
version=$( { for f in "${files[@]}"; do printf '%s\0' "$f"; sha256sum < "$f"; done; sha256sum < "$ROOT/www/sw.js.in"; } | sha256sum | cut -c1-16)
list=$(for f in "${files[@]}"; do
  case "$f" in
    index.html) printf '  "./",\n' ;;
    *) printf '  "./%s",\n' "$f" ;;
  esac
done)
python3 - "$ROOT/www/sw.js.in" "$version" "$list" > sw.js <<'PY'
import sys
template, version, files = sys.argv[1:4]
text = open(template, encoding="utf-8").read()
print(text.replace("__VERSION__", version).replace("  __FILES__\n", files + "\n"), end="")
PY
grep -qE "__(VERSION|FILES)__" sw.js && { echo "90-service-worker: template placeholders left in sw.js" >&2; exit 1; }
echo "[90-service-worker] sw.js: version $version, ${#files[@]} files" >&2
