#!/usr/bin/env bash
# Whole-process benchmark of `koomc check` and `koomc build` on synthetic
# organizations of growing size: wall time, MB/s and peak memory (max RSS).
# Usage: benches/measure.sh [MB ...]   (default: 1 5 20 50)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1 5 20 50}")
[ $# -eq 0 ] && sizes=(1 5 20 50)
cargo build --release --quiet --bin koomc --example gen-org
bin=target/release/koomc
gen=target/release/examples/gen-org
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-8s %-6s %10s %9s %9s %12s\n' size command bytes seconds MB/s peak-MiB
for mb in "${sizes[@]}"; do
  file="$work/org-$mb.koom"
  "$gen" --bytes $((mb * 1000000)) > "$file"
  bytes=$(stat -c %s "$file")
  for cmd in check build; do
    args=("$cmd" "$file")
    [ "$cmd" = build ] && args+=(--out-dir "$work/out-$mb")
    best=""
    peak=0
    for _ in 1 2 3; do
      /usr/bin/time -f '%e %M' -o "$work/time" "$bin" "${args[@]}" 2>/dev/null
      read -r secs kb < "$work/time"
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
      [ "$kb" -gt "$peak" ] && peak=$kb
    done
    rate=$(awk "BEGIN{ if ($best > 0) printf \"%.1f\", $bytes/1e6/$best; else print \"inf\" }")
    printf '%-8s %-6s %10d %9.2f %9s %12.1f\n' "${mb}MB" "$cmd" "$bytes" "$best" "$rate" "$(awk "BEGIN{print $peak/1024}")"
  done
done
