#!/usr/bin/env bash
# The embed entry for documentation pages (src/ui/embed.rs): embed.html is index.html as Trunk
# emitted it (same hashed wasm/JS, same inline loader, so the CSP step 80- hashes the same
# script), with <html data-entry="embed">, its own title, noindex, and the embed stylesheet
# (copied under a content hash). widget.js, which host pages load by a stable address, is
# copied unhashed. No inline script or event handler is added.
set -euo pipefail
: "${ROOT:?}" "${STAGING:?}"
src="$STAGING/index.html"
[ -f "$src" ] || { echo "10-embed: $src missing" >&2; exit 1; }

css_hash="$(sha256sum "$ROOT/www/embed.css" | cut -c1-16)"
css="embed-$css_hash.css"
cp "$ROOT/www/embed.css" "$STAGING/$css"
cp "$ROOT/www/widget.js" "$STAGING/widget.js"

out="$STAGING/embed.html"
sed -e '0,/<html lang="en">/s//<html lang="en" data-entry="embed">/' \
    -e 's|<title>[^<]*</title>|<title>gocompat — Go upgrade check (embedded example)</title>\n  <meta name="robots" content="noindex">|' \
    -e "s|</head>|  <link rel=\"stylesheet\" href=\"$css\">\n</head>|" \
    "$src" >"$out"

# Fail the build rather than ship an embed that is the playground in disguise.
grep -q 'data-entry="embed"' "$out" || { echo "10-embed: could not mark <html> in $out" >&2; exit 1; }
grep -q "href=\"$css\"" "$out" || { echo "10-embed: could not link $css in $out" >&2; exit 1; }
echo "10-embed: wrote embed.html, $css, widget.js"
