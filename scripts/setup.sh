#!/usr/bin/env bash
# Installs what Switchboard needs to build, run and test, and only what is missing:
# Debian packages (apt, as root or through sudo), npm packages (npm ci), and tauri-driver
# (cargo install --locked) when the tests need it.
#
#   scripts/setup.sh          everything the app needs to build and run
#   scripts/setup.sh --test   plus what the tests need (Xvfb, WebKitWebDriver, tauri-driver, keyring,
#                             xdotool to answer the native save dialog)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_test_tools=false
[ "${1:-}" = "--test" ] && want_test_tools=true

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

build_packages=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev
  libxdo-dev build-essential pkg-config file libsecret-1-dev libdbus-1-dev fonts-noto-cjk curl)
test_packages=(xvfb xauth dbus-x11 webkit2gtk-driver gnome-keyring xdotool)

if command -v dpkg-query >/dev/null 2>&1; then
  packages=("${build_packages[@]}")
  $want_test_tools && packages+=("${test_packages[@]}")
  missing=()
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); elif command -v sudo >/dev/null; then sudo_cmd=(sudo); else
      die "missing packages (${missing[*]}) and neither root nor sudo is available to install them"
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  say "not a Debian system: install the Tauri prerequisites yourself (https://v2.tauri.app/start/prerequisites/)"
fi

command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
command -v node >/dev/null || die "Node.js >= 20.19 is missing: install it (for example from https://nodejs.org), then run this again"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) is too old: Vite 8 needs >= 20.19"

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if $want_test_tools && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "installing tauri-driver (cargo install --locked)"
  cargo install tauri-driver --locked --version 2.1.0
fi
