#!/usr/bin/env bash
# koomc beside Cedar (issue 15): the figures of the issue's table, measured
# side by side on equal bytes, from alternating runs (best of RUNS each).
#
#   benches/cedar.sh [MB ...]      # default: 3 30; RUNS=3 by default
#   BUILD=DIR benches/cedar.sh     # measure the koomc and stages binaries of
#                                  # another build (DIR/koomc, DIR/examples/stages)
#
# Installs cedar-policy-cli 4.14.1 into target/cedar if it is missing
# (`cargo install`, once), generates a KOOM organization (gen-org) and a
# Cedar schema and policy set (gen-cedar) of the same size, and prints, per
# size: CPU seconds (user + system) and MB per CPU-second of `koomc check`
# and `cedar validate`, and their ratio; pest's parse-only time of koomc's
# grammar (the `stages` example, one thread: its CPU time) and check's ratio
# to it; check's wall-clock MB/s; build, `build --out-dir` into a fresh and
# into an existing folder, `fmt --check`; peak memory per input byte; and,
# over the first and last size, the time ratio for the larger input.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(3 30)
runs=${RUNS:-3}
cargo build --release --quiet --locked --bin koomc --example gen-org --example gen-cedar --example stages
build=${BUILD:-target/release}
cedar=target/cedar/bin/cedar
if [ ! -x "$cedar" ]; then
  cargo install cedar-policy-cli --version 4.14.1 --locked --root target/cedar
fi
bin=$build/koomc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
times=$work/times
mkdir -p "$times"

# run NAME CMD...: one timed run; keeps the best CPU and wall time and the
# largest peak memory of NAME in $times/NAME (apart from the inputs, whose
# names the figures share).
run() {
  local name=$1 user sys wall kb bcpu bwall bkb
  shift
  /usr/bin/time -q -f '%U %S %e %M' -o "$work/time" "$@" > /dev/null 2>&1 || true
  read -r user sys wall kb < "$work/time"
  local cpu
  cpu=$(awk "BEGIN{print $user + $sys}")
  if [ -f "$times/$name" ]; then
    read -r bcpu bwall bkb < "$times/$name"
    cpu=$(awk "BEGIN{print ($cpu < $bcpu) ? $cpu : $bcpu}")
    wall=$(awk "BEGIN{print ($wall < $bwall) ? $wall : $bwall}")
    kb=$(( kb > bkb ? kb : bkb ))
  fi
  echo "$cpu $wall $kb" > "$times/$name"
}
field() { awk "{print \$$2}" "$times/$1"; }
rate() { awk "BEGIN{ printf \"%.1f\", $1 / 1e6 / ($2 > 0 ? $2 : 1e-9) }"; }

for mb in "${sizes[@]}"; do
  koom="$work/org-$mb.koom"
  target/release/examples/gen-org --bytes $((mb * 1000000)) > "$koom"
  target/release/examples/gen-cedar --bytes "$(stat -c %s "$koom")" "$work/cedar-$mb" 2> /dev/null
  kb=$(stat -c %s "$koom")
  cb=$(( $(stat -c %s "$work/cedar-$mb/policies.cedar") + $(stat -c %s "$work/cedar-$mb/schema.cedarschema") ))
  "$cedar" validate --schema "$work/cedar-$mb/schema.cedarschema" \
    --policies "$work/cedar-$mb/policies.cedar" > "$work/cedar-$mb.out" 2>&1 \
    || { echo "cedar validate rejects the generated policies:"; head -20 "$work/cedar-$mb.out"; exit 1; }
  "$bin" check "$koom" > /dev/null 2>&1 || echo "note: koomc check reports diagnostics on gen-org $mb MB"
  formatted="$work/org-$mb.formatted.koom"
  "$bin" fmt - < "$koom" > "$formatted"
  fb=$(stat -c %s "$formatted")
  rm -rf "$work/existing-$mb"
  "$bin" build --out-dir "$work/existing-$mb" "$koom" 2> /dev/null
  for _ in $(seq "$runs"); do
    run "check-$mb" "$bin" check "$koom"
    run "cedar-$mb" "$cedar" validate --schema "$work/cedar-$mb/schema.cedarschema" --policies "$work/cedar-$mb/policies.cedar"
    run "stdout-$mb" "$bin" build --stdout "$koom"
    rm -rf "$work/fresh-$mb"
    run "fresh-$mb" "$bin" build --out-dir "$work/fresh-$mb" "$koom"
    run "existing-$mb" "$bin" build --out-dir "$work/existing-$mb" "$koom"
    run "fmt-$mb" "$bin" fmt --check "$koom"
    run "fmtok-$mb" "$bin" fmt --check "$formatted"
  done
  pest=$("$build"/examples/stages --file "$koom" --runs "$runs" | awk '/^pest parse-only/ {print $3 / 1000}')
  echo "$pest $pest 0" > "$times/pest-$mb"
  echo "$kb" > "$times/bytes-$mb"
  echo
  echo "## $mb MB: gen-org $kb bytes, gen-cedar $cb bytes (best of $runs alternating runs; load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| figure | value |"
  echo "| --- | ---: |"
  c=$(field "check-$mb" 1); v=$(field "cedar-$mb" 1)
  echo "| \`koomc check\`, CPU s / MB per CPU-s | $c / $(rate "$kb" "$c") |"
  echo "| \`cedar validate\`, CPU s / MB per CPU-s | $v / $(rate "$cb" "$v") |"
  echo "| check ÷ cedar validate, MB per CPU-second | $(awk "BEGIN{printf \"%.1f×\", ($kb/$c)/($cb/$v)}") |"
  echo "| pest parse-only, s / MB/s (one thread) | $pest / $(rate "$kb" "$pest") |"
  echo "| check ÷ pest parse-only, MB per CPU-second | $(awk "BEGIN{printf \"%.2f\", $pest/$c}") |"
  echo "| \`check\` wall-clock | $(field "check-$mb" 2) s, $(rate "$kb" "$(field "check-$mb" 2)") MB/s |"
  echo "| \`build --stdout\` wall-clock | $(field "stdout-$mb" 2) s |"
  echo "| \`build --out-dir\` fresh / existing folder, wall-clock | $(field "fresh-$mb" 2) s / $(field "existing-$mb" 2) s |"
  echo "| \`fmt --check\` wall-clock, on the generated (unformatted) file | $(field "fmt-$mb" 2) s, $(rate "$kb" "$(field "fmt-$mb" 2)") MB/s |"
  echo "| \`fmt --check\` wall-clock, on the file formatted (the check passes; $fb bytes) | $(field "fmtok-$mb" 2) s, $(rate "$fb" "$(field "fmtok-$mb" 2)") MB/s |"
  per() { awk "BEGIN{printf \"%.1f\", $(field "$1-$mb" 3) * 1024 / $kb}"; }
  echo "| peak memory per input byte: check / build --stdout / build --out-dir / fmt | $(per check) / $(per stdout) / $(per fresh) / $(per fmt) |"
done

if [ "${#sizes[@]}" -ge 2 ]; then
  a=${sizes[0]}; b=${sizes[-1]}
  ratio() { awk "BEGIN{printf \"%.1f×\", $(field "$1-$b" "$2") / $(field "$1-$a" "$2")}"; }
  echo
  grown="$(awk "BEGIN{printf \"%.1f\", $(cat "$times/bytes-$b") / $(cat "$times/bytes-$a")}")× input ($a → $b MB)"
  echo "time for $grown, wall-clock: check $(ratio check 2) / build $(ratio stdout 2) / fmt $(ratio fmt 2)"
  echo "time for $grown, CPU: check $(ratio check 1) / build $(ratio stdout 1) / fmt $(ratio fmt 1)"
fi
