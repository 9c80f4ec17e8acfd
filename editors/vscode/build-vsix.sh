#!/usr/bin/env bash
# Builds the KOOM extension as a .vsix: installs the dependencies (npm ci from
# package-lock.json, or npm install without one), compiles src/ with tsc, and
# packages with @vscode/vsce. Install the result with
#   code --install-extension editors/vscode/koom-<version>.vsix
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1; then
  echo "build-vsix.sh: npm is needed (Node.js 20 or later)" >&2
  exit 2
fi

echo "== install"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

echo "== compile"
rm -rf out
npm run compile

echo "== package"
version=$(node -p "require('./package.json').version")
vsix="koom-${version}.vsix"
rm -f "$vsix"
# The project's licence is in Cargo.toml (MIT OR Apache-2.0), there is no
# LICENSE file to copy, and the repository has no public URL yet.
node_modules/.bin/vsce package --skip-license --allow-missing-repository --out "$vsix" </dev/null
echo "built $(pwd)/$vsix"
