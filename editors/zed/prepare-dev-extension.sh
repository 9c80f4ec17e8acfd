#!/usr/bin/env bash
# Writes a copy of the Zed extension (default: target/zed-koom) whose
# extension.toml points the grammar at this clone: repository = file://<repo>,
# rev = the commit checked out now. Then, in Zed: "zed: install dev extension"
# on that folder. Zed fetches the grammar from that commit, so commit first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/target/zed-koom}"
rev="$(git -C "$repo" rev-parse HEAD)"

rm -rf "$out"
mkdir -p "$out"
cp -r "$here/languages" "$here/src" "$here/Cargo.toml" "$out/"
sed -e "s|^repository = \"file:///path/to/koomc\"|repository = \"file://$repo\"|" \
    -e "s|^rev = \"main\"|rev = \"$rev\"|" \
    "$here/extension.toml" > "$out/extension.toml"
grep -q "file://$repo" "$out/extension.toml" || { echo "could not set the grammar's repository" >&2; exit 1; }
echo "Zed dev extension written to $out (grammar: $repo at $rev)"
