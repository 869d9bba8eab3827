#!/usr/bin/env bash
# make fuzz: builds the libFuzzer harness and runs each parser for FUZZ_SECONDS (default 60),
# from the seeds in Fuzz/Corpus. Fails on any crash, timeout or out-of-memory, and says where
# the input is; copy it into Tests/RehearseCoreTests/Fixtures/fuzz-regressions/TARGET/ so the
# test suite keeps it fixed.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
targets="${FUZZ_TARGETS:-loader transcript importer scorer config request}"

# Every target is instrumented for coverage (and AddressSanitizer); libFuzzer itself is linked
# into the harness alone (Package.swift says why).
echo "fuzz: building the harness"
swift build -c release -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table 2>&1 |
  grep -E "error|Build complete" || true
binary=".build/release/rehearse-fuzz"
[ -x "$binary" ] || { echo "fuzz: the harness did not build" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rehearse-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0
printf '%-11s %12s %8s  %s\n' TARGET EXECUTIONS SECONDS RESULT
for target in $targets; do
  mkdir -p "$work/$target/corpus" "$work/$target/findings"
  log="$work/$target/log"
  # The first corpus folder takes new inputs; the seeds stay as committed.
  REHEARSE_FUZZ_TARGET="$target" "$binary" "$work/$target/corpus" "Corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
    -artifact_prefix="$work/$target/findings/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  if [ "$status" -eq 0 ]; then
    printf '%-11s %12s %8s  %s\n' "$target" "${runs:-?}" "$seconds" "no finding"
  else
    failed=1
    keep="$(pwd)/findings/$target"
    mkdir -p "$keep" && cp "$work/$target/findings/"* "$keep/" 2>/dev/null
    printf '%-11s %12s %8s  %s\n' "$target" "${runs:-?}" "$seconds" "FOUND (exit $status): inputs in Fuzz/findings/$target"
    grep -E "ERROR|==[0-9]+==|Fatal|deadly|timeout|out-of-memory" "$log" | head -5
  fi
done
exit "$failed"
