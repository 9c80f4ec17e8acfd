#!/usr/bin/env bash
# Checks the tree-sitter grammar for KOOM (editors/tree-sitter-koom):
#
#   1. the committed parser (src/) is what grammar.js generates: a stale
#      parser fails;
#   2. every query file compiles against the grammar, and the copies in the
#      Zed extension (editors/zed/languages/koom/) are identical to them;
#   3. `tree-sitter test`: the corpus (test/corpus/) and the highlight tests
#      (test/highlight/);
#   4. every example under examples/, except the syntax errors E0001 and
#      E0002, parses without an ERROR or MISSING node.
#
# The tree-sitter CLI is the pinned version below, from target/ts (git-ignored).
# If it is missing, the script installs it there with cargo (about 2 minutes,
# the only network access); set TREE_SITTER to use another binary of the same
# version. `test.sh --install-only` installs it and stops (CI starts that in
# the background while it builds koomc). Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version=0.27.1
abi=14

# -- the CLI ------------------------------------------------------------------
ts="${TREE_SITTER:-$repo/target/ts/bin/tree-sitter}"
have_version() {
  [ -x "$1" ] && [ "$("$1" --version 2>/dev/null | awk '{print $2}')" = "$version" ]
}
# A fresh clone has no target/ts: one installed on PATH before (by an earlier
# run, into cargo's bin folder) serves when it is the pinned version.
if ! have_version "$ts" && [ -z "${TREE_SITTER:-}" ] && have_version "$(command -v tree-sitter || true)"; then
  ts="$(command -v tree-sitter)"
fi
if ! have_version "$ts"; then
  if [ -n "${TREE_SITTER:-}" ]; then
    echo "FAIL: TREE_SITTER=$TREE_SITTER is not tree-sitter $version" >&2
    exit 1
  fi
  # The CLI only generates, queries and parses one small grammar here: a
  # debug build does that in seconds and builds in a third of the time of a
  # release one. With node on PATH it needs no JavaScript engine of its own
  # (the default feature `qjs-rt` compiles QuickJS, with bindgen and clang).
  features=()
  if command -v node >/dev/null 2>&1; then features=(--no-default-features); fi
  echo "== installing tree-sitter-cli $version into target/ts (cargo install --debug ${features[*]}, ~2 min)"
  cargo install tree-sitter-cli --version "$version" --locked --debug "${features[@]}" \
    --root "$repo/target/ts" --target-dir "$repo/target/ts/build"
  rm -rf "$repo/target/ts/build"
  have_version "$ts" || { echo "FAIL: $ts is not tree-sitter $version" >&2; exit 1; }
fi
"$ts" --version
if [ "${1:-}" = --install-only ]; then
  exit 0
fi

# Keep the CLI's compiled parsers and its configuration inside target/ts.
export TREE_SITTER_LIBDIR="$repo/target/ts/lib"
mkdir -p "$TREE_SITTER_LIBDIR"
config="$repo/target/ts/config.json"
printf '{ "parser-directories": [] }\n' > "$config"
# tree-sitter generate evaluates grammar.js with node, or with its own QuickJS.
if command -v node >/dev/null 2>&1; then js=node; else js=native; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# -- 1. the committed parser is up to date --------------------------------------
echo "== generate (ABI $abi, js runtime $js) and compare with the committed src/"
cp "$here/grammar.js" "$work/"
(cd "$work" && "$ts" generate --abi "$abi" --js-runtime "$js" >/dev/null)
if diff -r "$here/src" "$work/src" >"$work/generate.diff"; then
  echo "src/ is what grammar.js generates"
else
  head -n 40 "$work/generate.diff" >&2
  fail "src/ is stale: run \`tree-sitter generate --abi $abi\` in editors/tree-sitter-koom and commit src/"
fi

# -- 2. the queries compile; the Zed extension's copies are identical ------------
echo "== queries"
cd "$here"
for q in queries/*.scm; do
  if "$ts" query --config-path "$config" "$q" "$repo/examples/raccoons.koom" >/dev/null 2>"$work/query.err"; then
    echo "$q compiles"
  else
    cat "$work/query.err" >&2
    fail "$q does not compile against the grammar"
  fi
done
zed="$repo/editors/zed/languages/koom"
for q in highlights.scm indents.scm; do
  if cmp -s "queries/$q" "$zed/$q"; then
    echo "editors/zed/languages/koom/$q is a copy of queries/$q"
  else
    fail "editors/zed/languages/koom/$q differs from queries/$q (copy it: cp queries/$q $zed/)"
  fi
done
for q in "$zed"/*.scm; do
  if "$ts" query --config-path "$config" "$q" "$repo/examples/raccoons.koom" >/dev/null 2>"$work/query.err"; then
    echo "editors/zed/languages/koom/$(basename "$q") compiles"
  else
    cat "$work/query.err" >&2
    fail "editors/zed/languages/koom/$(basename "$q") does not compile against the grammar"
  fi
done

# -- 3. corpus and highlight tests ------------------------------------------------
echo "== tree-sitter test"
if ! "$ts" test --config-path "$config"; then
  fail "tree-sitter test"
fi

# -- 4. every example parses cleanly -------------------------------------------------
echo "== parse the examples"
parsed=0
skipped=0
while IFS= read -r -d '' file; do
  rel="${file#"$repo"/}"
  case "$(basename "$file")" in
    E0001* | E0002*)
      skipped=$((skipped + 1))
      continue
      ;;
  esac
  if ! "$ts" parse --config-path "$config" --no-ranges "$file" >"$work/tree" 2>"$work/parse.err"; then
    if ! grep -q -E 'ERROR|MISSING' "$work/tree"; then
      cat "$work/parse.err" >&2
      fail "$rel: tree-sitter parse failed"
      continue
    fi
  fi
  if grep -q -E '\((ERROR|MISSING)' "$work/tree"; then
    "$ts" parse --config-path "$config" "$file" 2>/dev/null | grep -E 'ERROR|MISSING' | head -n 5 >&2 || true
    fail "$rel has an ERROR or MISSING node"
  fi
  parsed=$((parsed + 1))
done < <(find "$repo/examples" -name '*.koom' -print0 | sort -z)
echo "parsed $parsed examples ($skipped syntax-error examples skipped)"
if [ "$parsed" -eq 0 ]; then
  fail "no example was parsed"
fi

if [ "$failures" -ne 0 ]; then
  echo "tree-sitter-koom: $failures check(s) failed" >&2
  exit 1
fi
echo "tree-sitter-koom: all checks passed"
