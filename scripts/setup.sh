#!/usr/bin/env bash
# Installs what building and testing idp-users needs, skipping whatever is
# already there. Idempotent; safe to run on every CI job.
#   scripts/setup.sh              Rust target + components, wasm-pack, wasm-bindgen, npm packages
#   scripts/setup.sh --browser    also Debian's Chromium and chromedriver (needs root), for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }

step "Rust target and components"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# rust-src: the release build rebuilds std for size (see scripts/build.mjs).
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

step "wasm-bindgen CLI (must match Cargo.lock)"
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # --locked first; its lock file can name a crate version the registry
  # mirror lacks, in which case a fresh resolution of the same release works.
  cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want"
else
  echo "wasm-bindgen $have"
fi

step "wasm-pack"
if ! command -v wasm-pack >/dev/null 2>&1; then
  cargo install wasm-pack --locked
else
  wasm-pack --version
fi

step "npm packages (wasm-opt, esbuild, deno, bun, wrangler/workerd, vite, playwright-core, typescript, @hono/node-server)"
# `npm install` (not `npm ci`): it installs the locked versions, and unlike
# `npm ci` it tolerates the other platforms' optional binaries (deno's) that
# a registry mirror may not carry.
npm install --no-audit --no-fund

step "admin console (www/): Preact into the npm cache"
# `npm start` installs www/'s dependencies itself, once the package is built:
# they include idp-users as a packed tarball of dist/. Caching Preact here
# lets that install run from the cache.
npm cache add "preact@$(node -p "require('./www/package.json').dependencies.preact")" >/dev/null

if [ "${1:-}" = "--browser" ]; then
  step "Chromium and chromedriver"
  # chromedriver: wasm-bindgen-test-runner drives Chromium through it.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  else
    /usr/bin/chromium --version || true
  fi
fi
