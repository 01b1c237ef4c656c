# Installs what building and testing Workwell needs, each only when missing. Sourced by .ci/serve
# and .ci/test. Versions are pinned where the toolchain requires it (see README: Toolchain).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "0.2.129" ]; then
    step "installing wasm-bindgen-cli 0.2.129 (about 3 minutes)"
    cargo install wasm-bindgen-cli --version 0.2.129 --locked
  fi
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "0.3.10" ]; then
    step "installing cargo-leptos 0.3.10 (about 15 minutes on 2 cores)"
    cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
  fi
  if [ "$(leptosfmt --version 2>/dev/null | awk '{print $2}')" != "0.1.33" ]; then
    step "installing leptosfmt 0.1.33 (formats view! code; about 3 minutes)"
    cargo install leptosfmt --version 0.1.33 --locked
  fi
}

ensure_node_tools() {
  if ! command -v npm >/dev/null; then
    step "installing Node.js"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
  if [ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] \
     || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    step "installing end-to-end and build tools from npm (Playwright runner, wasm-opt)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null; then
    step "installing Chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
}

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    step "starting PostgreSQL"
    if [ -d /etc/postgresql ]; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "FAIL: PostgreSQL is not reachable on 127.0.0.1:5432 and could not be started." >&2
    echo "      The database tests run on both SQLite and PostgreSQL; they are never skipped." >&2
    exit 1
  fi
}

# The barcode decoder (decoder/, see its lib.rs for why it is a module of its own), built beside the
# app as target/site/pkg/decoder.<hash>.{js,wasm}: always optimised (every camera frame goes through
# it, in the browser tests too), named by its content like the app's files. Run after
# `cargo leptos build`, which empties target/site first.
build_decoder() {
  local out="$ROOT/target/decoder" pkg="$ROOT/target/site/pkg"
  step "building the barcode decoder (WASM, optimised)"
  cargo build -p decoder --lib --target wasm32-unknown-unknown --profile wasm-release
  rm -rf "$out" && mkdir -p "$out" "$pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name decoder \
    "$ROOT/target/wasm32-unknown-unknown/wasm-release/decoder.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$out/decoder_bg.wasm" -o "$out/decoder_bg.wasm"
  local hash
  hash="$(cat "$out/decoder.js" "$out/decoder_bg.wasm" | python3 -c \
    'import sys, hashlib, base64; print(base64.urlsafe_b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode()[:22])')"
  rm -f "$pkg"/decoder.*
  cp "$out/decoder.js" "$pkg/decoder.$hash.js"
  cp "$out/decoder_bg.wasm" "$pkg/decoder.$hash.wasm"
}
