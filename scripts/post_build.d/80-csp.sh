#!/usr/bin/env bash
# Post-build step 80: a Content-Security-Policy <meta> in every generated HTML page.
#
# A static host may not send headers, so the policy travels in the page. Trunk emits one inline
# module script (it imports the wasm glue); its exact text is allowed by a 'sha256-…' hash and
# nothing else inline may run. The policy forbids every network connection except to the page's
# own origin ('self': the app's files, the worker, the service worker) and every plugin, base
# and form target. Yew writes `style` attributes (gutter markers, the popup's position), hence
# `style-src-attr 'unsafe-inline'`; <style> elements and foreign stylesheets stay forbidden.
# `frame-ancestors` cannot be set by a <meta> (and the embed page must be frameable anyway).
# Runs after the steps that generate pages (embed, rule pages), before the service worker (90).
set -euo pipefail
: "${STAGING:?run by scripts/post_build.sh}"
exec python3 - "$STAGING" <<'PY'
import base64, hashlib, pathlib, re, sys

staging = pathlib.Path(sys.argv[1])
# An inline script: <script> without src. Its hash covers the exact text between the tags.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
BASE = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; "
        "style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'none'")
count = 0
for page in sorted(staging.rglob("*.html")):
    html = page.read_text(encoding="utf-8")
    if 'http-equiv="Content-Security-Policy"' in html:
        continue
    hashes = []
    for attrs, body in SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f" 'sha256-{digest}'")
    policy = BASE.format(hashes="".join(dict.fromkeys(hashes)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    # First thing in <head>, so that it covers every element after it.
    new, n = re.subn(r"(<head\b[^>]*>)", lambda m: m.group(1) + "\n  " + meta, html, count=1, flags=re.I)
    if n != 1:
        sys.exit(f"80-csp: {page} has no <head>")
    page.write_text(new, encoding="utf-8")
    count += 1
print(f"[80-csp] Content-Security-Policy added to {count} page(s)", file=sys.stderr)
PY
