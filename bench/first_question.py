#!/usr/bin/env python3
"""Time from starting `rehearse practice` to its first question on stdout: process start,
config, loading and validating every built-in bank, creating the transcript, greeting.
Median of RUNS runs of the release build, piped (no terminal), each with its own folder."""
import os, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
runs = int(os.environ.get("RUNS", "30"))
samples = []
with tempfile.TemporaryDirectory() as home:
    env = {"HOME": home, "PATH": "/usr/bin:/bin"}
    for run in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            [binary, "practice", "--seed", str(run), "--transcripts", os.path.join(home, "t")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        for line in process.stdout:
            if line.startswith(b"Question 1/"):
                samples.append((time.perf_counter() - start) * 1000)
                break
        process.stdin.close()
        process.stdout.read()
        process.wait()
if len(samples) != runs:
    sys.exit(f"first-question benchmark: only {len(samples)} of {runs} runs showed a question")
print(f"first-question benchmark: {binary} practice, piped, median of {runs} runs")
print(f"  start to first question          {statistics.median(samples):8.1f} ms  (min {min(samples):.1f}, max {max(samples):.1f}; target < 50 ms)")
