#!/usr/bin/env bash
# Runs the end-to-end tests against the built debug app (build it first: npx tauri build --debug
# --no-bundle). Starts Xvfb when there is no display; each test file gets its own tauri-driver
# (which drives WebKitWebDriver) on a free port and fresh config/data dirs for the app.
# Screenshots: target/e2e-screenshots/.
# Arguments name the test files to run (default: all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export E2E_APP="$target_dir/debug/switchboard"
[ -x "$E2E_APP" ] || { echo "no app at $E2E_APP: run npx tauri build --debug --no-bundle first" >&2; exit 1; }

export LANG=en_US.UTF-8 LC_ALL= LANGUAGE=
export E2E_SCREENSHOT_DIR="$root/target/e2e-screenshots"
mkdir -p "$E2E_SCREENSHOT_DIR"
driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Runs one test file against the app with its own fresh config, data and cache directories and its
# own tauri-driver (the app inherits the driver's environment), so no file depends on another's
# state or order.
driver_pid='' sandbox=''
cleanup() {
  if [ -n "$driver_pid" ]; then
    kill "$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  [ -z "$sandbox" ] || rm -rf "$sandbox"
  driver_pid='' sandbox=''
}
trap cleanup EXIT

run_file() {
  local file=$1 status=0
  sandbox=$(mktemp -d)
  export XDG_CONFIG_HOME="$sandbox/config" XDG_DATA_HOME="$sandbox/data" XDG_CACHE_HOME="$sandbox/cache"
  export E2E_CONFIG_DIR="$XDG_CONFIG_HOME/app.switchboard.desktop"
  export E2E_DRIVER_PORT
  E2E_DRIVER_PORT=$(free_port)
  "$driver" --port "$E2E_DRIVER_PORT" --native-port "$(free_port)" >"$sandbox/tauri-driver.log" 2>&1 &
  driver_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$E2E_DRIVER_PORT/status" >/dev/null 2>&1 && break
    sleep 0.1
  done
  node --test --test-concurrency=1 "$file" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "--- tauri-driver log ($file) ---"; tail -n 50 "$sandbox/tauri-driver.log" || true
    echo "--- app log ($file) ---"; tail -n 50 "$XDG_DATA_HOME"/app.switchboard.desktop/logs/*.log 2>/dev/null || true
  fi
  cleanup
  return "$status"
}

status=0
files=("$@")
[ "${#files[@]}" -gt 0 ] || files=(tests/e2e/*.e2e.mjs)
for file in "${files[@]}"; do
  run_file "$file" || status=1
done
echo "screenshots: $E2E_SCREENSHOT_DIR"
exit "$status"
