#!/usr/bin/env python3
"""The daemon's user-space instructions per answer, counted by valgrind (callgrind): a figure
that holds still on a shared machine, where CPU time per answer moves by 15% from run to run.

Starts `rehearse serve` under callgrind with counting off, warms it up, then counts exactly
SESSIONS whole sessions (create, five answers, end) run by CONNECTIONS keep-alive clients, and
prints instructions per answer (the whole session's work divided by its five answers) and the
functions that take the most. Kernel work (the socket and file system calls) is not counted:
serve_wrk.sh's CPU time covers that. BASELINE=path/to/an/older/rehearse counts that binary
the same way first, so a change is seen as a ratio. TOP=N lists N functions (default 15).
KEEP=folder keeps each callgrind file there (callgrind_annotate --inclusive=yes --tree=calling
FILE | swift demangle shows who calls what).
"""
import asyncio, glob, json, os, re, shutil, subprocess, sys, tempfile, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
SESSIONS = int(os.environ.get("SESSIONS", "200"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "8"))
WARMUP = int(os.environ.get("WARMUP", "40"))
TOP = int(os.environ.get("TOP", "15"))
from serve_load import ANSWERS  # the same answers as the load benchmarks


async def request(reader, writer, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\nContent-Type: application/json\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    writer.write(head.encode() + b"\r\n" + data)
    status = int((await reader.readuntil(b"\r\n")).split()[1])
    length = 0
    for line in (await reader.readuntil(b"\r\n\r\n")).split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    payload = await reader.readexactly(length)
    if status >= 300:
        raise SystemExit(f"instructions benchmark: {method} {path} answered {status}: {payload[:200]!r}")
    return json.loads(payload) if payload else {}


async def drive(port, sessions, prefix):
    """Runs `sessions` whole sessions over CONNECTIONS connections."""
    left = [sessions]

    async def client(number):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while left[0] > 0:
            left[0] -= 1
            created = await request(reader, writer, "POST", "/v1/sessions", {"count": 6, "follow_up": False})
            for answer in range(5):
                await request(reader, writer, "POST", f"/v1/sessions/{created['id']}/input",
                              {"text": ANSWERS[answer], "input_id": f"{prefix}{number}-{left[0]}-{answer}"}, created["token"])
            await request(reader, writer, "DELETE", f"/v1/sessions/{created['id']}", token=created["token"])
        writer.close()

    await asyncio.gather(*(client(number) for number in range(CONNECTIONS)))


def count(binary, name):
    """Instructions per answer of `binary`, and its top functions."""
    folder = tempfile.mkdtemp(prefix="rehearse-instructions-")
    try:
        os.mkdir(f"{folder}/t")
        out = f"{folder}/callgrind.out"
        # valgrind 3.19 (Debian 12) cannot read the DWARF 5 Swift 6 writes: count a copy without
        # it (function names come from the symbol table).
        stripped = f"{folder}/rehearse"
        subprocess.run(["objcopy", "--strip-debug", binary, stripped], check=True)
        process = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}", stripped, "serve",
             "--port", "0", "--transcripts", f"{folder}/t", "--max-sessions", "5000", "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={"HOME": folder, "PATH": "/usr/bin:/bin"})
        try:
            line = process.stdout.readline().decode()
            match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
            if not match:
                raise SystemExit(f"instructions benchmark: the daemon did not start: {line!r}")
            port = int(match.group(1))
            asyncio.run(drive(port, WARMUP, "w"))
            control = ["callgrind_control", str(process.pid)]
            subprocess.run(control[:1] + ["-i", "on"] + control[1:], check=True, capture_output=True)
            started = time.monotonic()
            asyncio.run(drive(port, SESSIONS, "m"))
            subprocess.run(control[:1] + ["-d"] + control[1:], check=True, capture_output=True)
            seconds = time.monotonic() - started
        finally:
            process.terminate()
            process.wait(timeout=120)
        dumps = sorted(glob.glob(out + "*"), key=os.path.getmtime)
        dump = next((d for d in dumps if d != out), None) or out
        total = 0
        for line in open(dump):
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
                break
        if os.environ.get("KEEP"):
            os.makedirs(os.environ["KEEP"], exist_ok=True)
            shutil.copy(dump, os.path.join(os.environ["KEEP"], f"callgrind.{name}"))
        annotated = subprocess.run(["callgrind_annotate", "--inclusive=no", dump], capture_output=True, text=True).stdout
        top = [line for line in annotated.splitlines() if re.match(r"^\s*[\d,]+ \(\s*[\d.]+%\)\s+\S", line)][:TOP]
        return total / (SESSIONS * 5), seconds, top
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def demangled(lines):
    if not shutil.which("swift"):
        return lines
    return subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(lines), capture_output=True,
                          text=True).stdout.splitlines() or lines


def main():
    if not all(shutil.which(tool) for tool in ("valgrind", "callgrind_control", "objcopy")):
        print("instructions benchmark skipped: valgrind or objcopy is not installed (apt-get install valgrind binutils)")
        return
    rows = [("baseline", os.environ["BASELINE"])] if os.environ.get("BASELINE") else []
    rows.append(("this", BINARY))
    print(f"daemon instructions per answer (callgrind, user space only): {SESSIONS} sessions of 5 answers over "
          f"{CONNECTIONS} connections, after {WARMUP} to warm up")
    figures = {}
    for name, binary in rows:
        per_answer, seconds, top = count(binary, name)
        figures[name] = per_answer
        print(f"  {name:8} {per_answer / 1000:8.1f} k instructions/answer  ({seconds:.0f} s under valgrind)")
        for line in demangled([re.sub(r"\s+\[[^\]]*\]$", "", line) for line in top]):
            print(f"             {line[:150]}")
    if "baseline" in figures:
        print(f"  this / baseline: {figures['this'] / figures['baseline']:.3f}")


main()
