#!/usr/bin/env bash
# Rule pages: `gocompat site` writes $STAGING/rules/index.html, one page per rule and
# style.css, generated from the rules' metadata and doc comments (src/site.rs). Runs the
# native command line: the wasm build's settings (scripts/setup.sh with_wasm_env) are
# dropped, and the debug binary `cargo test` builds is reused when it is current.
set -euo pipefail
: "${ROOT:?}" "${STAGING:?}"
unset CARGO RUSTC RUSTDOC RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_BUILD_TARGET \
  RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS \
  RUSTUP_TOOLCHAIN
# The native toolchain the tests use (rustup's), not the one path B puts first on PATH.
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
cargo run --quiet --locked --bin gocompat -- site --out "$STAGING"
test -f "$STAGING/rules/index.html"
