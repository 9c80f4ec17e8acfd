#!/usr/bin/env bash
# Runs the TextMate grammar tests (tests/*.koom) with vscode-tmgrammar-test,
# which tokenizes them with vscode-textmate and Oniguruma, the engine VS Code
# uses. Installs what it needs from npm (package-lock.json); exits non-zero
# when an assertion fails.
#
# The test files are KOOM files whose first line is
#   # SYNTAX TEST "source.koom" "description"
# which makes `#` the test comment token: a line `#` followed by `^` or `<-`
# is an assertion on the line above it; every other line, `# comments`
# included, is KOOM source that the grammar tokenizes.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1; then
  echo "test-grammar.sh: npm is needed (Node.js 20 or later)" >&2
  exit 2
fi

if [ ! -x node_modules/.bin/vscode-tmgrammar-test ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

files=(tests/*.koom)
assertions=$(cat "${files[@]}" | grep -cE '^#[[:space:]]*(\^|<~*-+)' || true)
echo "== vscode-tmgrammar-test: ${#files[@]} files, ${assertions} assertion lines"
# package.json's contributes.grammars tells the runner where source.koom is.
node_modules/.bin/vscode-tmgrammar-test --compact 'tests/*.koom'

echo "== coverage of keywords.txt and of the literal kinds"
node tests/coverage.js

echo "== the repository's examples"
node tests/examples.js
