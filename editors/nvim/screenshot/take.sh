#!/usr/bin/env bash
# Retakes editors/screenshots/nvim-diagnostic.png: Neovim in an xterm under
# Xvfb, highlighting a plan with a typo and showing koomc lsp's diagnostic.
# Needs (Debian): xvfb xterm imagemagick neovim; and `cargo build --release`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work=$(mktemp -d)
cp "$here/plan.koom" "$work/plan.koom"
Xvfb :99 -screen 0 1100x520x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
DISPLAY=:99 KOOM_REPO="$repo" xterm -geometry 120x28+0+0 -fa 'DejaVu Sans Mono' -fs 11 \
  -bg '#1e1e1e' -fg '#d4d4d4' -e nvim -u "$here/init.lua" "$work/plan.koom" &
sleep 5
DISPLAY=:99 import -window root "$repo/editors/screenshots/nvim-diagnostic.png"
kill %2 2>/dev/null || true
