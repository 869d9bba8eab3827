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

# The same file with 5 graded samples per question (issue 13): the samples path must stay fast.
fewshot="$shared/evaldata/make_fewshot.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
few="$tmp/scientsbank-5.jsonl"
python3 "$fewshot" "$file" 5 --seed 1 > "$few"

lines=$(grep -c . "$file")
ours=$(median_s "$bin" score --batch "$file")
ours_few=$(median_s "$bin" score --batch "$few")
theirs=$(median_s python3 "$baseline" "$file")
echo "scoring benchmark: $file ($lines answers), median of $runs runs, $(nproc) cores"
awk -v n="$lines" -v a="$ours" -v f="$ours_few" -v b="$theirs" 'BEGIN {
  printf "  %-44s %8.1f ms  %9.0f answers/s\n", "rehearse score --batch", a * 1000, n / a
  printf "  %-44s %8.1f ms  %9.0f answers/s\n", "rehearse score --batch, 5 samples per question", f * 1000, n / f
  printf "  %-44s %8.1f ms  %9.0f answers/s\n", "baseline_overlap.py", b * 1000, n / b
  printf "  ratio: rehearse is %.1fx faster, %.1fx with samples (target 30x)\n", b / a, b / f
}'
