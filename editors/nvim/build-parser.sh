#!/usr/bin/env bash
# Builds the tree-sitter parser of KOOM for Neovim and installs it with its
# queries into DIR (default: this folder, editors/nvim, where both are
# git-ignored):
#
#   DIR/parser/koom.so         cc -shared -fPIC -O2 -I src -o parser/koom.so src/parser.c
#   DIR/queries/koom/*.scm     highlights, folds, indents, locals
#
# DIR must be on Neovim's 'runtimepath' (editors/nvim is, once it is added as
# editors/README.md says; ~/.local/share/nvim/site is by default).
# lua/koom/treesitter.lua then highlights KOOM buffers with the parser. Needs
# a C compiler (CC, default cc); the parser is committed, so no tree-sitter
# CLI is needed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
grammar="$(cd "$here/../tree-sitter-koom" && pwd)"
mkdir -p "${1:-$here}"
out="$(cd "${1:-$here}" && pwd)"
cc="${CC:-cc}"

mkdir -p "$out/parser" "$out/queries/koom"
# Compile next to the target and rename: a running Neovim may have the old
# library mapped, and overwriting it in place would crash that Neovim.
tmp="$out/parser/.koom.so.$$"
(cd "$grammar" && "$cc" -shared -fPIC -O2 -I src -o "$tmp" src/parser.c)
mv -f "$tmp" "$out/parser/koom.so"
for q in highlights folds indents locals; do
  cp "$grammar/queries/$q.scm" "$out/queries/koom/$q.scm"
done
echo "built $out/parser/koom.so and $out/queries/koom/{highlights,folds,indents,locals}.scm"
