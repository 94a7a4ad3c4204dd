#!/usr/bin/env bash
# Benchmark: scrolling the tickets list with a large tenant's 51,000 tickets in the real app (the
# demo workspace with SWITCHBOARD_DEMO_SIZE=large), under Xvfb through WebDriver like the
# end-to-end tests. Build the app first: npm run ui:build && npx tauri build --debug --no-bundle.
# Prints frame times and page-load times; writes target/bench/list-scroll.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export SWITCHBOARD_DEMO_SIZE=large
exec bash tests/e2e/run.sh tests/bench/list-scroll.bench.mjs
