#!/usr/bin/env bash
# Installs, idempotently, every tool the build and the tests need on a fresh Debian machine.
#
#   scripts/setup.sh build   -> wasm32 target, wasm-bindgen-cli (= the locked crate version),
#                               Trunk 0.21.14, wasm-opt (npm binaryen) in .tools/
#   scripts/setup.sh test    -> the above, plus Debian chromium + chromium-driver and `npm ci`
#   scripts/setup.sh bench   -> the above, plus twiggy (maps the WebAssembly's size)
#
# Everything project-specific lives in .tools/ (git-ignored) so a second run is a few
# version checks and nothing else. Versions are pinned here on purpose: the toolchain
# notes in the README explain why each pin exists.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
tools="$here/.tools"
mkdir -p "$tools/bin"
export PATH="$tools/bin:$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
say() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate version in Cargo.lock exactly,
# or the generated JS glue will not match the compiled wasm.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  local wbg
  wbg="$(locked_wasm_bindgen)"
  if [ -z "$wbg" ]; then
    say "Cargo.lock has no wasm-bindgen entry; run 'cargo generate-lockfile' first" >&2
    exit 1
  fi
  if ! "$tools/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $wbg\$"; then
    say "installing wasm-bindgen-cli $wbg (about 5 minutes on 2 cores)"
    # Not --locked: the CLI's own lockfile names a version the registry no longer serves.
    cargo install --quiet --root "$tools" wasm-bindgen-cli --version "$wbg" --force
  fi

  if ! "$tools/bin/trunk" --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    # --locked is required here: without it lightningcss/cssparser drift breaks the build.
    cargo install --quiet --root "$tools" trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

need_node_packages() {
  # binaryen (wasm-opt), playwright-core, axe-core and lighthouse come from package-lock.json.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

need_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

need_bench_tools() {
  # twiggy maps what takes the space in the WebAssembly (make bench only).
  if ! "$tools/bin/twiggy" --version >/dev/null 2>&1; then
    say "installing twiggy (about 2 minutes on 2 cores)"
    cargo install --quiet --root "$tools" twiggy --locked
  fi
}

case "${1:-build}" in
  build) need_build_tools; need_node_packages ;;
  test) need_build_tools; need_node_packages; need_browser ;;
  bench) need_build_tools; need_node_packages; need_browser; need_bench_tools ;;
  *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac
say "tools ready"
