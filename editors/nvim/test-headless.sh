#!/usr/bin/env bash
# Checks that Neovim loads the KOOM files without errors and that they do what
# they should (tests/headless.lua): file type, syntax groups against the
# TextMate grammar's tests, ftplugin and indent settings, the language
# client against a stand-in `koomc lsp` (tests/bin/koomc, needs python3), the
# tree-sitter highlighting (tests/treesitter.lua: builds the parser with
# build-parser.sh into a temporary folder, needs cc) and its fallback to the
# syntax file, and the real `koomc lsp` (tests/real-lsp.lua: a diagnostic,
# a plan checked against an unsaved buffer of the file it uses, inlay hints).
# Needs nvim 0.7 or later (Debian: apt-get install -y neovim).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  echo "test-headless.sh: nvim is needed (Debian: apt-get install -y neovim)" >&2
  exit 2
fi
nvim --version | head -n 1

echo "== load examples/raccoons.koom with filetype and syntax on"
# The messages of a headless nvim (the echo, and any error) go to stderr.
out=$(cd "$repo" && nvim --headless -u NONE -i NONE --cmd "set rtp+=editors/nvim" \
  -c 'filetype on' -c 'syntax on' -c 'edit examples/raccoons.koom' -c 'echo &filetype' -c 'qa!' 2>&1)
echo "$out"
if [ "$out" != "koom" ]; then
  echo "FAIL: expected exactly \"koom\" (the file type) and no other message" >&2
  exit 1
fi

echo "== tests/headless.lua"
KOOM_REPO="$repo" nvim --headless -u NONE -i NONE --cmd "set rtp^=$here" \
  -c "luafile $here/tests/headless.lua" 2>&1

echo "== tree-sitter: build the parser, highlight with it, parse every example"
if ! command -v "${CC:-cc}" >/dev/null 2>&1; then
  echo "FAIL: a C compiler (cc, or CC) is needed to build parser/koom.so" >&2
  exit 1
fi
site=$(mktemp -d)
"$here/build-parser.sh" "$site"
KOOM_REPO="$repo" KOOM_TS=active nvim --headless -u NONE -i NONE --cmd "set rtp^=$here" --cmd "set rtp+=$site" \
  -c "luafile $here/tests/treesitter.lua" 2>&1
rm -rf "$site"

echo "== tree-sitter: without a parser, the syntax file highlights"
# Only the runtimepath entries given here: a parser built into editors/nvim
# itself (build-parser.sh's default) would be found there, so use a copy.
bare=$(mktemp -d)
cp -r "$here/ftdetect" "$here/ftplugin" "$here/indent" "$here/syntax" "$here/lua" "$bare/"
KOOM_REPO="$repo" KOOM_TS=fallback nvim --headless -u NONE -i NONE --cmd "set rtp^=$bare" \
  -c "luafile $here/tests/treesitter.lua" 2>&1
rm -rf "$bare"

echo "== the real koomc lsp: a diagnostic, a check against an unsaved buffer of another file, inlay hints"
koomc="${KOOMC:-$repo/target/debug/koomc}"
if [ -x "$koomc" ]; then
  work=$(mktemp -d)
  printf 'koom 1.0\nmanager logistics "Bo"\nmetric t unit crates better higher baseline 1\n' > "$work/org.koom"
  printf 'koom 1.0\nuse "org.koom"\ncycle 2026-Q1 {\n  direction "Crates ship within 24 hours."\n  to logistcs { goal t >= 2 }\n}\n' > "$work/plan.koom"
  KOOMC="$koomc" KOOM_DIR="$work" nvim --headless -u NONE -i NONE --cmd "set rtp^=$here" \
    -c "luafile $here/tests/real-lsp.lua" 2>&1
  rm -rf "$work"
else
  echo "SKIPPED: build koomc first (cargo build), or set KOOMC" >&2
  exit 1
fi
