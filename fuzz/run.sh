#!/usr/bin/env bash
# The one way to run the fuzz targets, for CI and for campaigns alike.
#
#   fuzz/run.sh              every target for 12 seconds (CI: about a minute)
#   fuzz/run.sh 600          every target for ten minutes
#   fuzz/run.sh 600 fmt lsp  those targets only
#   FUZZ_KEEP=/tmp/fz fuzz/run.sh 600   keep each grown corpus and log there
#   fuzz/run.sh build        build the targets and stop (CI builds them in the
#                            background while it builds and tests koomc)
#
# Each target starts from a scratch copy of its committed corpus (a run adds
# nothing to the repository), one at a time, in one process (libFuzzer's
# default; -jobs=1 would fork a worker logging to fuzz-0.log), inputs of at
# most 4 KiB, an input taking over 5 s counted as a hang. A crash or a hang
# fails the run, with the input in fuzz/artifacts/TARGET/. The final
# figures (executions, speed) are printed per target. With the nightly
# toolchain the targets run under AddressSanitizer; with FUZZ_SANITIZER=none
# (as CI does: the sanitized build alone can outlast CI's budget) without
# it, and on stable, which has no sanitizers, `--sanitizer none` always.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-12}"
shift || true
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz >/dev/null
fi
if cargo +nightly --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
else
  fuzz=(cargo fuzz)
  FUZZ_SANITIZER=none
fi
sanitizer=()
if [ "${FUZZ_SANITIZER:-}" = none ]; then
  sanitizer=(--sanitizer none)
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^koomc-fuzz$')
fi
"${fuzz[@]}" build -O "${sanitizer[@]}"
if [ "$seconds" = build ]; then
  exit 0
fi
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  if [ -n "${FUZZ_KEEP:-}" ]; then
    work="$FUZZ_KEEP/$t" # a campaign keeps what it found, for `cargo fuzz cmin`
    mkdir -p "$work"
  else
    work=$(mktemp -d)
  fi
  cp -r "corpus/$t/." "$work/"
  log="${work%/}.log"
  status=0
  "${fuzz[@]}" run -O "${sanitizer[@]}" "$t" "$work" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=5 \
    -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  done=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "fuzz $t: ${runs:-0} executions in ${seconds}s, status $status${done:+ ($done)}"
  [ -n "${FUZZ_KEEP:-}" ] || rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz target $t failed (status $status): the input is in fuzz/artifacts/$t/" >&2
    [ -n "${FUZZ_KEEP:-}" ] || rm -f "$log"
    exit 1
  fi
  [ -n "${FUZZ_KEEP:-}" ] || rm -f "$log"
done
