#!/usr/bin/env python3
"""Time from starting `rehearse practice` to its first question on stdout: process start,
config, the built-in banks (from the catalog snapshot in the cache folder once one exists, else
parsed and validated), creating the transcript, greeting. Median of RUNS runs of the release
build, piped (no terminal): warm (the snapshot written by an earlier run) and cold (a fresh
cache folder each run, so the YAML is parsed and the snapshot written)."""
import os, shutil, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
runs = int(os.environ.get("RUNS", "30"))


def first_question(home, seed):
    env = {"HOME": home, "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [binary, "practice", "--seed", str(seed), "--transcripts", os.path.join(home, "t")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    elapsed = None
    for line in process.stdout:
        if line.startswith(b"Question 1/"):
            elapsed = (time.perf_counter() - start) * 1000
            break
    process.stdin.close()
    process.stdout.read()
    process.wait()
    return elapsed


def report(label, samples):
    if None in samples:
        sys.exit(f"first-question benchmark: {samples.count(None)} of {len(samples)} runs showed no question")
    print(f"  {label:<34} {statistics.median(samples):8.1f} ms  (min {min(samples):.1f}, max {max(samples):.1f}; target 15 ms)")


print(f"first-question benchmark: {binary} practice, piped, median of {runs} runs")
with tempfile.TemporaryDirectory() as home:
    first_question(home, 0)  # writes the snapshot
    report("start to first question, warm", [first_question(home, run) for run in range(runs)])
cold = []
for run in range(max(3, runs // 3)):
    with tempfile.TemporaryDirectory() as home:
        cold.append(first_question(home, run))
report("cold (no snapshot yet)", cold)
