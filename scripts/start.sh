#!/usr/bin/env bash
# Runs Switchboard: installs what is missing, builds the UI and the app (debug), and starts it.
#   scripts/start.sh          build and run the app
#   scripts/start.sh --dev    run with the Vite dev server and hot reload (tauri dev)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

if [ "${1:-}" = "--dev" ]; then
  SWITCHBOARD_DEMO=1 exec npx tauri dev
fi
npx tauri build --debug --no-bundle
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
# The demo workspace (the sandbox with demo data) opens at once: no account is needed.
exec "$target_dir/debug/switchboard" --demo
