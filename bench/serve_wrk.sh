#!/usr/bin/env bash
# Daemon throughput with wrk (bench/sessions.lua): whole sessions per connection, at 50 and 200
# connections, closed loop and with 25-70 ms think time. Prints answers/s, p50/p99 of every call
# (create, answers, end), errors, transcripts complete, and the daemon's own CPU per answer from
# /proc/PID/stat, so the load generator's CPU (it shares the two cores) is not counted.
# BASELINE=path/to/an/older/rehearse runs every row with that binary too, right before this
# one's, so a change is measured side by side on this noisy machine.
# FLOOR=path/to/hummingbird-floor (bench/floor, built by make bench) runs every row against
# that first: Hummingbird with the same routes, reply sizes and group commit but no interview,
# so the rows show what HTTP and durability alone cost here, measured the same way.
# NIO_FLOOR=path/to/nio-floor adds the same served by a plain NIO pipeline to the floor's
# lighter loads at the end: what HTTP would cost without Hummingbird's async layer.
# LOADGEN=path/to/loadgen (bench/loadgen/loadgen.c, built by make bench) runs every row with it
# too, after wrk's: the same sessions from one thread instead of wrk's thread per connection.
# Each row prints the load generator's own CPU per answer beside the daemon's.
# TRANSCRIPTS_IN=folder puts the daemons' transcripts folders there (default: $TMPDIR or /tmp).
# The filesystem matters: on ext4 without a journal, creating a file skips every inode freed in
# the last minutes (see docs/deploy.md), so the rows' transcripts are removed only at the end,
# all at once; the header says which filesystem the run used.
set -euo pipefail
bin=${1:-.build/release/rehearse}
baseline=${BASELINE:-}
floor=${FLOOR:-}
nio_floor=${NIO_FLOOR:-}
loadgen=${LOADGEN:-}
seconds=${SECONDS_EACH:-10}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "wrk benchmark skipped: wrk is not installed (apt-get install wrk)"; exit 0; }
[ -x "$bin" ] || { echo "bench: no binary at $bin (run make build)" >&2; exit 1; }
tick=$(getconf CLK_TCK)

# Whether $1 is one of the floors (no transcripts, started with only a folder).
is_floor() { [ -n "$1" ] && { [ "$1" = "$floor" ] || [ "$1" = "$nio_floor" ]; }; }

run() {  # connections think_min think_max [binary [generator: wrk or loadgen]]
  local binary=${4:-$bin} generator=${5:-wrk}
  local folder; folder=$(mktemp -d -p "$scratch")
  mkdir "$folder/t"
  if is_floor "$binary"; then
    "$binary" "$folder/t" > "$folder/out" 2>/dev/null &
  else
    "$binary" serve --port 0 --transcripts "$folder/t" --max-sessions 5000 --log-level warning > "$folder/out" 2>/dev/null &
  fi
  local pid=$!
  # A failed step must not leave the daemon running.
  trap 'kill -TERM '"$pid"' 2>/dev/null && wait '"$pid"' 2>/dev/null; cleanup' EXIT
  for _ in $(seq 100); do grep -q "listening on" "$folder/out" 2>/dev/null && break; sleep 0.05; done
  local url; url=$(grep -o 'http://127.0.0.1:[0-9]*' "$folder/out" | head -1)
  local before; before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local result cpu_s=""
  if [ "$generator" = wrk ]; then
    # bash's `time` gives wrk's own user and system seconds (TIMEFORMAT: their sum).
    local TIMEFORMAT='%U %S'
    result=$( { time THINK_MIN_MS=$2 THINK_MAX_MS=$3 wrk -t "$1" -c "$1" -d "${seconds}s" --timeout 10s -s "$here/sessions.lua" "$url" | grep '^RESULT'; } 2>&1 )
    cpu_s=$(echo "$result" | tail -1 | awk '{print $1 + $2}')
    result=$(echo "$result" | grep '^RESULT')
  else
    result=$("$loadgen" -c "$1" -d "$seconds" -t "$2-$3" -T 10 "$url")
  fi
  local after; after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" || true
  # A session with its session_end line must hold its five answers; sessions cut off by the end
  # of the run have none yet.
  local ended=0 complete=0 checked="(no transcripts)"
  if ! is_floor "$binary"; then
    # `|| true`: no ended session, or an incomplete last one, is a figure to print, not a failure.
    # Searched with -r, not a glob: a row's 20,000 names overflow a command line (ARG_MAX), and
    # the failed grep then counted nothing.
    local ended_list
    ended_list=$(grep -rl --include='*.jsonl' '"type":"session_end"' "$folder/t" 2>/dev/null || true)
    ended=$(printf '%s' "$ended_list" | grep -c . || true)
    complete=$(grep -rc --include='*.jsonl' '"type":"answer"' "$folder/t" 2>/dev/null \
      | awk 'NR == FNR { ended[$0] = 1; next } { count = $0; sub(/.*:/, "", count); sub(/:[0-9]+$/, "") } ($0 in ended) && count == 5' \
        <(printf '%s\n' "$ended_list") - | wc -l)
    checked="transcripts $complete/$ended complete"
  fi
  # Kept until every row has run: see `scratch` below.
  trap cleanup EXIT
  eval "$(echo "$result" | sed 's/^RESULT //; s/ /\n/g')"
  local name=""
  if [ -n "$baseline$floor$nio_floor" ]; then
    case "$binary" in
      "$baseline") name="baseline  " ;;
      "$floor") name="floor     " ;;
      "$nio_floor") name="nio floor " ;;
      *) name="this      " ;;
    esac
  fi
  # The loadgen's line carries its own CPU seconds (cpu_s); wrk's were timed above.
  awk -v name="$name" -v c="$1" -v think="$2-$3" -v a="$answered" -v s="$elapsed" -v e="$errors" -v h="$http_errors" \
      -v p50="$p50_ms" -v p99="$p99_ms" -v cpu=$(( after - before )) -v tick="$tick" -v checked="$checked" \
      -v generator="$generator" -v gcpu="$cpu_s" 'BEGIN {
    label = (think == "0-0") ? "no think time" : "think " think " ms"
    printf "  %s%-7s %3d connections, %-18s %7.0f answers/s  p50 %6.1f ms  p99 %6.1f ms  errors %d/%d  daemon CPU %4.0f µs/answer  %s CPU %3.0f µs/answer  %s\n",
      name, generator, c, label, a / s, p50, p99, e, h, (a > 0 ? cpu / tick / a * 1e6 : 0), generator, (a > 0 ? gcpu / a * 1e6 : 0), checked
  }'
}

base=${TRANSCRIPTS_IN:-${TMPDIR:-/tmp}}
[ -d "$base" ] || { echo "bench: TRANSCRIPTS_IN=$base is not a folder" >&2; exit 1; }
# Which filesystem holds the transcripts, and whether ext4 there keeps a journal (jbd2 lists it).
filesystem() {
  local source type device
  read -r source type < <(findmnt -no SOURCE,FSTYPE -T "$base" 2>/dev/null || echo "? ?")
  device=$(basename "$source")
  if [ "$type" = ext4 ]; then
    if ls /proc/fs/jbd2 2>/dev/null | grep -q "^$device-"; then echo "ext4 with a journal on $source"; else echo "ext4 without a journal on $source"; fi
  else
    echo "$type on $source"
  fi
}
# Every row's transcripts stay until the last row has run, then go at once. Deleting a row's
# thousands of transcripts before the next row made that row pay for it on ext4 without a
# journal (creating a file there skips every inode freed in the last minute: 163 vs 265-287 µs
# per answer for the same binary, see docs/deploy.md), which measured the benchmark's own
# clean-up, not the daemon: a server keeps its transcripts.
# KEEP_TRANSCRIPTS=1 leaves them to the caller (make bench removes them after its last
# benchmark, so the ones after this do not pay for tens of thousands of deletions either).
scratch=$(mktemp -d -p "$base" rehearse-wrk.XXXXXX)
cleanup() { [ "${KEEP_TRANSCRIPTS:-0}" = 1 ] || rm -rf "$scratch"; }
trap cleanup EXIT
echo "wrk benchmark: $bin serve${floor:+ (and the floor, $floor)}, whole 5-answer sessions per connection, ${seconds}s each, $(nproc) cores shared with the load generator (wrk${loadgen:+, then loadgen})"
echo "  transcripts in $base ($(filesystem))"
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "bench: no baseline binary at $baseline" >&2; exit 1; }
[ -z "$loadgen" ] || [ -x "$loadgen" ] || { echo "bench: no load generator at $loadgen (cc -O2 -o .build/loadgen bench/loadgen/loadgen.c)" >&2; exit 1; }
for path in "$floor" "$nio_floor"; do
  [ -z "$path" ] || [ -x "$path" ] || { echo "bench: no floor binary at $path (swift build -c release --package-path bench/floor)" >&2; exit 1; }
done
# ROWS="50 0 0;200 0 0" runs only those rows (connections, think min and max ms), REPEAT=N times.
IFS=';' read -r -a rows <<< "${ROWS:-50 0 0;200 0 0;50 25 70;200 25 70}"
for row in $(for _ in $(seq "${REPEAT:-1}"); do printf '%s\n' "${rows[@]}"; done | tr ' ' ,); do
  row=${row//,/ }
  # shellcheck disable=SC2086
  [ -z "$floor" ] || run $row "$floor"
  # shellcheck disable=SC2086
  [ -z "$baseline" ] || run $row "$baseline"
  # shellcheck disable=SC2086
  run $row
  [ -z "$loadgen" ] || { [ -z "$floor" ] || run $row "$floor" loadgen; }
  [ -z "$loadgen" ] || { [ -z "$baseline" ] || run $row "$baseline" loadgen; }
  [ -z "$loadgen" ] || run $row "$bin" loadgen
done
if [ -n "$floor$nio_floor" ]; then
  # What a reply costs falls as the load rises (one wake-up and one fdatasync serve more replies),
  # so the floor is also measured at lighter closed loops: read it at the daemon's own answers/s.
  echo "  the floor at lighter loads (no think time):"
  for connections in 4 8 16 50; do
    [ -z "$floor" ] || [ "$connections" = 50 ] || run "$connections" 0 0 "$floor"
    [ -z "$nio_floor" ] || run "$connections" 0 0 "$nio_floor"
  done
fi
