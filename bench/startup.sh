#!/usr/bin/env bash
# Start-up cost of the release binary: process start, parsing and validating every built-in
# bank and scenario (59 questions, 5 scenarios), then printing. Median of N runs, wall clock.
set -euo pipefail
bin=${1:-.build/release/rehearse}
runs=${RUNS:-30}
[ -x "$bin" ] || { echo "bench: no binary at $bin (run make build)" >&2; exit 1; }

source "$(dirname "$0")/lib.sh"
median_ms() { median_us "$@" | awk '{printf "%.1f", $1 / 1000}'; }

echo "startup benchmark: $bin, median of $runs runs"
printf '  %-44s %8s ms\n' "rehearse --version (process start only)" "$(median_ms "$bin" --version)"
printf '  %-44s %8s ms\n' "rehearse scenarios (load + validate all)" "$(median_ms "$bin" scenarios)"
printf '  %-44s %8s ms\n' "rehearse questions --json (load + encode)" "$(median_ms "$bin" questions --json)"
