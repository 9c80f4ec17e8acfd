#!/usr/bin/env bash
# Run every fuzz target for a short, bounded time from its committed corpus
# (CI), or for longer: `fuzz/run.sh 600` gives each target ten minutes.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-10}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked >/dev/null
fi
targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^koomc-fuzz$')
for t in $targets; do
  mkdir -p "corpus/$t"
  echo "== fuzz $t for ${seconds}s"
  # A fresh copy of the corpus, so that a run adds nothing to the repository.
  work=$(mktemp -d)
  cp -r "corpus/$t/." "$work/" 2>/dev/null || true
  log="$work.log"
  status=0
  cargo +nightly fuzz run "$t" "$work" -- -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz target $t failed (status $status): see fuzz/artifacts/$t" >&2
    exit 1
  fi
done
