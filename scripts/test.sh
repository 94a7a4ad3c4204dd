#!/usr/bin/env bash
# Runs every check and test of Switchboard, cheapest first; stops at the first failure.
# Installs what is missing first (scripts/setup.sh --test). Respects CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
started=$SECONDS

step "setup: Debian packages, npm packages, tauri-driver"
bash scripts/setup.sh --test

# Every cargo invocation uses the same feature set as `tauri build`, so they share one build cache.
cargo_features=(--features switchboard/custom-protocol)
# Incremental compilation caches only pay off while editing; on a clean clone they are gigabytes of
# dead weight (CI once ran out of disk). Set CARGO_INCREMENTAL=1 to keep them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "cargo fmt --check"
cargo fmt --all --check

step "Tauri crate and npm package versions agree"
node --test scripts/check-plugin-versions.test.mjs
node scripts/check-plugin-versions.mjs

step "UI: typecheck, lint, unit tests, build"
npm run --silent ui:typecheck
npm run --silent ui:lint
npm run --silent ui:test
npm run --silent ui:build

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets "${cargo_features[@]}" -- -D warnings

step "Rust tests (includes the bindings check: fails if ui/src/bindings.ts had to change)"
cargo test --workspace "${cargo_features[@]}"

step "the real OS keychain (Secret Service in a private D-Bus session with an unlocked gnome-keyring)"
keyring_home=$(mktemp -d)
mkdir -p "$keyring_home/data" "$keyring_home/run" && chmod 700 "$keyring_home/run"
XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" dbus-run-session -- sh -c \
  'echo -n switchboard-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
   out=$(cargo test -p switchboard-core --features os-keychain-tests os_keychain_tests 2>&1); status=$?
   printf "%s\n" "$out"
   # Fail when the test failed or did not run at all (a renamed test would otherwise pass vacuously).
   [ "$status" -eq 0 ] && printf "%s\n" "$out" | grep -q "test result: ok. [1-9][0-9]* passed"'
rm -rf "$keyring_home"

step "build the app (tauri build --debug --no-bundle)"
npx tauri build --debug --no-bundle

step "end-to-end: the real app under Xvfb through tauri-driver and WebKitWebDriver"
bash tests/e2e/run.sh

printf '\n\033[1;32mAll checks passed in %ss.\033[0m\n' "$((SECONDS - started))"
