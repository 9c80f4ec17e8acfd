#!/usr/bin/env bash
# The browser test: koomc's briefing pages in Debian's headless Chromium.
# Installs what it needs (chromium with apt-get, playwright-core with npm ci),
# builds koomc if needed, and runs run.mjs. Pass --update-docs to refresh
# docs/screenshots/ with the Raccoons pages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
if [ -z "${KOOMC:-}" ]; then
  (cd "$root" && cargo build --locked --quiet --bin koomc)
  export KOOMC="$root/target/debug/koomc"
fi
node "$here/run.mjs" "$@"
