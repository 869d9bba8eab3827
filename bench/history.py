#!/usr/bin/env python3
"""`rehearse history` and `rehearse stats` over 1,000 synthetic transcripts of 10 questions each
(release build), whole process each: the first run, which reads every transcript and writes the
folder's summary index, then the median of RUNS runs that read the index. Target: 100 ms each."""
import json, os, random, statistics, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
runs = int(os.environ.get("RUNS", "5"))
topics = {"django": ["django.csrf", "django.queryset", "django.middleware", "django.migrations", "django.signals"],
          "flask": ["flask.url-for", "flask.blueprints", "flask.sessions"], "fastapi": ["fastapi.what-is", "fastapi.async-await"]}
concepts = ["middleware", "CSRF token", "lazy evaluation", "blueprints", "Depends", "event loop", "signed cookie", "migrate"]
rng = random.Random(1)

def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

with tempfile.TemporaryDirectory() as folder:
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for number in range(1000):
        moment = start + timedelta(hours=7 * number)
        lines = [{"type": "session_start", "time": stamp(moment), "schema": 1, "scenario": "python-web", "seed": str(number),
                  "rehearse_version": "0.1.0", "scenario_hash": "0" * 16, "options": {"count": "10"}}]
        for index in range(10):
            topic = rng.choice(list(topics))
            qid = rng.choice(topics[topic])
            moment += timedelta(seconds=rng.randint(20, 120))
            score = round(rng.uniform(0, 100), 1)
            missed = rng.sample(concepts, 2)
            lines += [
                {"type": "question", "time": stamp(moment), "question_id": qid, "number": index + 1, "prompt": f"Explain {qid}?",
                 "topic": topic, "difficulty": rng.choice(["easy", "medium", "hard"]), "question_hash": "0" * 16},
                {"type": "answer", "time": stamp(moment), "question_id": qid, "text": "An answer about " + " ".join(missed) + " and more words " * 5,
                 "follow_up": False, "asked_at": stamp(moment), "answered_at": stamp(moment), "elapsed_seconds": 42.0, "overtime": False},
                {"type": "score", "time": stamp(moment), "question_id": qid, "follow_up": False, "score": score, "final_score": score,
                 "band": "strong" if score >= 70 else "partial" if score >= 40 else "weak", "hints_used": 0,
                 "matched": [{"concept": concepts[0], "term": "middleware", "evidence": "middleware", "span": [0, 10]}],
                 "missed": [{"concept": c, "weight": 1, "required": False} for c in missed], "feedback": "You explained middleware."},
            ]
        lines.append({"type": "session_end", "time": stamp(moment), "reason": "completed", "answered": 10, "skipped": 0,
                      "overall": 50.0, "duration_seconds": 600.0})
        name = (start + timedelta(hours=7 * number)).strftime("%Y%m%d-%H%M%S") + "-python-web.jsonl"
        with open(os.path.join(folder, name), "w") as out:
            out.write("\n".join(json.dumps(line) for line in lines) + "\n")

    print(f"history benchmark: {binary}, 1,000 transcripts × 10 questions, median of {runs} runs (target < 100 ms each)")
    for command in (["history"], ["stats"]):
        index = os.path.join(folder, ".rehearse-index")
        if os.path.exists(index):
            os.remove(index)
        began = time.perf_counter()
        subprocess.run([binary, *command, "--transcripts", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cold = time.perf_counter() - began
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            result = subprocess.run([binary, *command, "--transcripts", folder], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            samples.append(time.perf_counter() - began)
            if result.returncode != 0:
                sys.exit(f"rehearse {command[0]} failed: {result.stderr.decode()[:400]}")
        print(f"  rehearse {command[0]:<10} {statistics.median(samples) * 1000:8.0f} ms  (first run, writing the index: {cold * 1000:.0f} ms)")
