#!/usr/bin/env bash
# Start-up cost of the release binary: process start, parsing and validating every built-in
# bank and scenario (59 questions, 5 scenarios), then printing. Median of N runs, wall clock.
set -euo pipefail
bin=${1:-.build/release/rehearse}
runs=${RUNS:-30}
[ -x "$bin" ] || { echo "bench: no binary at $bin (run make build)" >&2; exit 1; }

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f", m/1000}'
}

echo "startup benchmark: $bin, median of $runs runs"
printf '  %-44s %8s ms\n' "rehearse --version (process start only)" "$(median_ms "$bin" --version)"
printf '  %-44s %8s ms\n' "rehearse scenarios (load + validate all)" "$(median_ms "$bin" scenarios)"
printf '  %-44s %8s ms\n' "rehearse questions --json (load + encode)" "$(median_ms "$bin" questions --json)"
