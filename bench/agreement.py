#!/usr/bin/env python3
"""Agreement with human grades, with and without graded samples (issue 13's table).

    agreement.py BIN [--seed S] [--samples K]

For each development file of ../shared/evaldata: `rehearse eval` on the file as it is, and on
the file with K graded answers per question marked "sample": true by make_fewshot.py (seeded).
Prints pooled Pearson for both beside the targets. Skips cleanly when shared/ is absent.
"""
import json, os, subprocess, sys, tempfile

TARGETS = {  # file: (with samples, without)
    "mohler-dev": (0.64, 0.56),
    "saf-dev": (0.42, 0.33),
    "scientsbank-dev": (0.47, 0.40),
    "beetle-dev": (None, None),
}

def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    seed = args[args.index("--seed") + 1] if "--seed" in args else os.environ.get("SEED", "1")
    k = args[args.index("--samples") + 1] if "--samples" in args else "5"
    shared = os.environ.get("SHARED", "../shared")
    data = os.path.join(shared, "evaldata")
    fewshot = os.path.join(data, "make_fewshot.py")
    if not os.path.exists(fewshot):
        print(f"agreement benchmark skipped: {fewshot} not found (shared/ must sit beside the repo)")
        return
    print(f"agreement with human grades: pooled Pearson, {k} samples per question (make_fewshot.py --seed {seed})")
    print(f"  {'file':18} {'samples':>8} {'target':>7} {'none':>7} {'target':>7}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, (with_target, without_target) in TARGETS.items():
            gold = os.path.join(data, name + ".jsonl")
            if not os.path.exists(gold):
                continue
            few = os.path.join(tmp, name + ".jsonl")
            with open(few, "w") as out:
                subprocess.run([sys.executable, fewshot, gold, k, "--seed", seed], stdout=out, check=True)
            result = subprocess.run([binary, "eval", "--json", few, gold], capture_output=True, text=True, check=True)
            with_samples, without = (entry["pearson"] for entry in json.loads(result.stdout))
            row = f"  {name:18} {with_samples:8.3f} {fmt(with_target):>7} {without:7.3f} {fmt(without_target):>7}"
            misses = [t for t, v in ((with_target, with_samples), (without_target, without)) if t is not None and v < t]
            failed |= bool(misses)
            print(row + ("  BELOW TARGET" if misses else ""))
    print("  all targets met" if not failed else "  some targets missed (see above)")

def fmt(target):
    return "-" if target is None else f"≥{target:.2f}"

if __name__ == "__main__":
    main()
