#!/usr/bin/env bash
# Installs everything gocompat needs on a Debian bookworm machine, idempotently.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own.
# Recipe: ../shared/wasm-toolchain.md (copied facts are repeated in the comments below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/target/setup"
mkdir -p "$STATE"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.22.1
log() { printf '[setup] %s\n' "$*" >&2; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. Debian packages -------------------------------------------------------
# clang-19/lld-19/llvm-19: tree-sitter's C for wasm32 and wasm-ld for the fallback path.
# chromium: browser tests. golang-*: real Go toolchains, the oracle in tests (1.21-1.23 from
# bookworm-backports), golang-1.22-src: a corpus of real Go code.
APT_PKGS=(clang-19 lld-19 llvm-19 chromium golang-1.19-go golang-1.21-go golang-1.22-go golang-1.23-go golang-1.22-src)
if [ "${GOCOMPAT_NO_GO:-}" = 1 ]; then APT_PKGS=(clang-19 lld-19 llvm-19 chromium); fi
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    mirror=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n1 || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    log "apt: adding bookworm-backports ($mirror)"
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" \
      | sudo_ tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
  fi
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- 2. A wasm32 standard library: path A (rustup) or path B (Debian rustc-web + build-std) ---
# Path B is forced with GOCOMPAT_WASM_PATH=B (to test it).
if [ ! -f "$STATE/wasm-path" ] || [ -n "${GOCOMPAT_WASM_PATH:-}" ]; then
  path="${GOCOMPAT_WASM_PATH:-A}"
  if [ "$path" = A ]; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
       || rustup target add wasm32-unknown-unknown >&2; then
      echo A > "$STATE/wasm-path"
    else
      log "rustup target add failed: falling back to Debian's rustc-web (path B)"
      path=B
    fi
  fi
  if [ "$path" = B ]; then
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq rustc-web cargo-web rust-web-src libstd-rust-web-dev >&2
    echo B > "$STATE/wasm-path"
  fi
fi
WASM_PATH=$(cat "$STATE/wasm-path")
export GOCOMPAT_WASM_PATH_USED="$WASM_PATH"

# A smaller wasm on path A (the size budget, ARCHITECTURE.md "Size"): the nightly toolchain
# (already needed for Trunk, step 3) rebuilds std for wasm32 from its rust-src component with
# `-Cpanic=immediate-abort` (no panic messages, locations or formatting machinery linked) and
# std's `optimize_for_size` algorithms: ~50 KB gzip less. When nightly, its rust-src or that
# option is unavailable, the build uses stable's prebuilt std as before (larger, same
# behaviour). GOCOMPAT_WASM_STD=stable forces the fallback.
WASM_STD=stable
if [ "$WASM_PATH" = A ] && [ "${GOCOMPAT_WASM_STD:-}" != stable ]; then
  if rustup component list --toolchain nightly --installed 2>/dev/null | grep -qx 'rust-src' \
     || rustup component add rust-src --toolchain nightly >&2; then
    if rustc +nightly -Zunstable-options -Cpanic=immediate-abort --print cfg --target wasm32-unknown-unknown 2>/dev/null \
       | grep -qx 'panic="immediate-abort"'; then
      WASM_STD=nightly
    else
      log "nightly rustc lacks -Cpanic=immediate-abort: the wasm uses stable's std (larger)"
    fi
  else
    log "no nightly rust-src: the wasm uses stable's std (larger)"
  fi
fi
export GOCOMPAT_WASM_STD_USED="$WASM_STD"

# tree-sitter's C for wasm32: clang-19 with the libc headers tree-sitter-language ships.
ts_lang_dir() {
  cargo metadata --format-version 1 --manifest-path "$ROOT/Cargo.toml" 2>/dev/null \
    | python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"]=="tree-sitter-language"))'
}
if [ ! -f "$STATE/ts-include" ] || [ ! -d "$(cat "$STATE/ts-include")" ]; then
  d=$(ts_lang_dir)
  echo "$d/wasm/include" > "$STATE/ts-include"
fi
export CC_wasm32_unknown_unknown=clang-19
export AR_wasm32_unknown_unknown=llvm-ar-19
export CFLAGS_wasm32_unknown_unknown="-I$(cat "$STATE/ts-include")"

# with_wasm_env CMD...: runs CMD with the settings the wasm build needs on the chosen path.
# Path B (Debian's Rust builds std from source; it has no rust-lld, so link with wasm-ld-19)
# is applied only to the wasm build, never to the native tests.
with_wasm_env() {
  if [ "$WASM_PATH" = B ]; then
    env PATH="/usr/bin:$PATH" CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld "$@"
  elif [ "$WASM_STD" = nightly ]; then
    env RUSTUP_TOOLCHAIN=nightly CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
      CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" "$@"
  else
    "$@"
  fi
}
# Trunk builds offline: fetch every crate (and, on path B, std's own dependencies) first.
FETCHED="$STATE/fetched-$WASM_PATH-$WASM_STD"
if [ ! -f "$FETCHED" ] || [ "$ROOT/Cargo.lock" -nt "$FETCHED" ]; then
  (cd "$ROOT" && with_wasm_env cargo fetch --target wasm32-unknown-unknown >&2 && cargo fetch >&2) && touch "$FETCHED"
fi

# --- 3. Cargo-installed tools ------------------------------------------------------
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
  # Not --locked: its lock pins a webpki-roots release the registry lacks (wasm-toolchain.md).
  (unset CARGO RUSTC RUSTDOC RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD; PATH="$HOME/.cargo/bin:$PATH" \
    cargo install -q wasm-bindgen-cli --version "$WB_VERSION" --force >&2)
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (needs rustc >= 1.96.1: uses the nightly toolchain; ~10 min, once)"
  (unset CARGO RUSTC RUSTDOC RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD; PATH="$HOME/.cargo/bin:$PATH" \
    cargo +nightly install -q trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls >&2)
fi

# --- 4. npm tools: wasm-opt (binaryen 132 reads wasm-bindgen 0.2.130 output) and playwright-core ---
NODE_DIR="$ROOT/tests/browser"
if [ ! -x "$NODE_DIR/node_modules/.bin/wasm-opt" ] || [ ! -d "$NODE_DIR/node_modules/playwright-core" ] \
   || [ "$NODE_DIR/package-lock.json" -nt "$NODE_DIR/node_modules/.package-lock.json" ]; then
  log "npm ci in tests/browser"
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
export PATH="$NODE_DIR/node_modules/.bin:$PATH"
log "ready (wasm std path $WASM_PATH, $WASM_STD std; $(trunk --version); wasm-bindgen $WB_VERSION; wasm-opt $(wasm-opt --version | awk '{print $3}'))"
