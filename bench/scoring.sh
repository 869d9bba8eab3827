#!/usr/bin/env bash
# Scoring throughput: `rehearse score --batch` against the reference baseline
# (shared/evaldata/baseline_overlap.py) on the same file, whole process each, side by side in
# one run. Prints the median wall time of each over RUNS runs, answers per second, and the ratio.
set -euo pipefail
bin=${1:-.build/release/rehearse}
runs=${RUNS:-7}
shared=${SHARED:-../shared}
file="$shared/evaldata/scientsbank-dev.jsonl"
baseline="$shared/evaldata/baseline_overlap.py"

if [ ! -f "$file" ] || [ ! -f "$baseline" ]; then
  echo "scoring benchmark skipped: $file or $baseline not found (shared/ must sit beside the repo)"
  exit 0
fi
[ -x "$bin" ] || { echo "bench: no binary at $bin (run make build)" >&2; exit 1; }
if ! python3 -c 'import snowballstemmer' 2>/dev/null; then
  echo "installing snowballstemmer for the baseline (pip)"
  python3 -m pip install --quiet snowballstemmer 2>/dev/null || {
    echo "scoring benchmark skipped: the baseline needs snowballstemmer (pip install snowballstemmer)"; exit 0; }
fi

source "$(dirname "$0")/lib.sh"
median_s() { median_us "$@" | awk '{printf "%.4f", $1 / 1000000}'; }

lines=$(grep -c . "$file")
ours=$(median_s "$bin" score --batch "$file")
theirs=$(median_s python3 "$baseline" "$file")
echo "scoring benchmark: $file ($lines answers), median of $runs runs, $(nproc) cores"
awk -v n="$lines" -v a="$ours" -v b="$theirs" 'BEGIN {
  printf "  %-36s %8.1f ms  %9.0f answers/s\n", "rehearse score --batch", a * 1000, n / a
  printf "  %-36s %8.1f ms  %9.0f answers/s\n", "baseline_overlap.py", b * 1000, n / b
  printf "  ratio: rehearse is %.1fx faster (target 20x)\n", b / a
}'
