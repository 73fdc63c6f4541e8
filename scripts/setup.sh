# Lede's install steps, sourced by scripts/run and scripts/test. Each step checks first and
# installs only what is missing, so a second run is quick. Nothing here downloads a prebuilt
# tool from outside the package registries.

TRUNK_VERSION=0.21.14
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "wasm32-unknown-unknown target: present"
  else
    say "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    echo "trunk $TRUNK_VERSION: present"
  else
    say "Installing trunk $TRUNK_VERSION (about 12 minutes, once; 0.22 needs a newer rustc)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
ensure_wasm_bindgen() {
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
  if [ -z "$version" ]; then
    echo "error: no wasm-bindgen version in Cargo.lock" >&2
    return 1
  fi
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
    echo "wasm-bindgen-cli $version: present"
  else
    say "Installing wasm-bindgen-cli $version (to match Cargo.lock)"
    # Not --locked: one dependency locked upstream is missing from the registry.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# npm packages: binaryen (wasm-opt for Trunk; never Debian's 108) and playwright-core.
ensure_npm_packages() {
  if cmp -s "$ROOT/package-lock.json" "$ROOT/node_modules/.lede-installed-lock" 2>/dev/null; then
    echo "npm packages: present"
  else
    say "Installing npm packages (package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    cp "$ROOT/package-lock.json" "$ROOT/node_modules/.lede-installed-lock"
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null))"
  else
    say "Installing Debian's chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

# Everything the release build needs.
ensure_build_tools() {
  say "Checking build tools"
  ensure_wasm_target
  ensure_trunk
  (cd "$ROOT" && cargo fetch --quiet)
  ensure_wasm_bindgen
  ensure_npm_packages
}

# Builds the release app (the demo corpus is ingested by Trunk's pre_build hook) into dist/.
build_release() {
  say "Building the release app into dist/"
  (cd "$ROOT" && trunk build --release --offline --cargo-profile wasm-release)
}
