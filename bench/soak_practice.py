#!/usr/bin/env python3
"""Soak: RUNS `rehearse practice` sessions (default 100), each fed answers at a steady pace
through a pipe and SIGKILLed at a random moment. An answer is acknowledged when its score is
printed; every acknowledged answer must be in the transcript (missing, target 0) and none may
be recorded twice (duplicated, target 0). Bounded: each run lasts well under a second.
"""
import json, os, random, signal, subprocess, sys, tempfile, threading, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
RUNS = int(os.environ.get("RUNS", "100"))
PACE = float(os.environ.get("PACE_MS", "15")) / 1000
random.seed(int(os.environ.get("SEED", "1")))


def run(folder, number):
    answers = [f"Run {number} answer {i}: middleware, the ORM and migrations keep models and tables in step." for i in range(8)]
    process = subprocess.Popen(
        [BINARY, "practice", "--seed", str(number), "--count", "8", "--no-follow-up", "--transcripts", folder],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env={"HOME": folder, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    output = bytearray()
    reader = threading.Thread(target=lambda: output.extend(process.stdout.read() or b""))
    reader.start()
    kill_at = time.monotonic() + random.uniform(0.0, PACE * 10)
    try:
        for answer in answers:
            if time.monotonic() >= kill_at:
                break
            process.stdin.write((answer + "\n").encode())
            process.stdin.flush()
            time.sleep(PACE)
    except BrokenPipeError:
        pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    acknowledged = output.decode(errors="replace").count("\nScore ")
    return answers, acknowledged


def recorded(folder, number):
    found = []
    for name in os.listdir(folder):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(folder, name), errors="replace") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue  # a line cut off by the kill: never acknowledged
                if record.get("type") == "answer" and record.get("text", "").startswith(f"Run {number} "):
                    found.append(record["text"])
    return found


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"soak: build first ({BINARY} is missing)")
    missing = duplicated = acknowledged_total = 0
    with tempfile.TemporaryDirectory() as folder:
        for number in range(RUNS):
            answers, acknowledged = run(folder, number)
            found = recorded(folder, number)
            acknowledged_total += acknowledged
            missing += sum(1 for answer in answers[:acknowledged] if answer not in found)
            duplicated += len(found) - len(set(found))
    print(f"practice soak: {RUNS} sessions SIGKILLed at random moments, answers piped every {PACE * 1000:.0f} ms")
    print(f"  kills                            {RUNS:8d}")
    print(f"  acknowledged answers             {acknowledged_total:8d}")
    print(f"  acknowledged but missing         {missing:8d}  (target 0)")
    print(f"  recorded twice                   {duplicated:8d}  (target 0)")
    if missing or duplicated:
        print("  TARGET MISSED")


main()
