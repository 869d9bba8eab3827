#!/usr/bin/env python3
"""Load and fault benchmark for `rehearse serve`, loopback only, bounded in time and count.

load:  CANDIDATES concurrent simulated candidates (default 200), each holding its own keep-alive
       connection and running ROUNDS full 5-question sessions back to back. Prints answers per
       second, p50/p99 latency of the answer calls, errors, and how many transcripts are complete
       (a session_end line and 5 answers).
fault: the same load; the daemon is SIGKILLed KILLS times (default 1) at even steps, restarted on the same port and
       folder, and every candidate continues its session with the same id and token. Prints how
       many answers were acknowledged with a 2xx and are missing from the transcripts (target 0),
       how many interrupted sessions went on to finish, and how many answers were recorded twice
       (each input carries an input_id, so a resend after the kill must not be).

The load generator shares the 2 cores with the daemon, so the figures include its cost.
"""
import asyncio, glob, json, os, signal, statistics, subprocess, sys, tempfile, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
MODE = sys.argv[2] if len(sys.argv) > 2 else "load"
CANDIDATES = int(os.environ.get("CANDIDATES", "200"))
ROUNDS = int(os.environ.get("ROUNDS", "5"))
QUESTIONS = 5
DEADLINE = float(os.environ.get("DEADLINE", "120"))  # seconds: the whole run is bounded
THINK = float(os.environ.get("THINK_MS", "50")) / 1000
KILLS = int(os.environ.get("KILLS", "1"))  # a candidate's pause before each answer
ANSWERS = [
    "It uses middleware that checks a CSRF token in every form submitted with POST.",
    "The ORM maps models to database tables and builds SQL queries from querysets.",
    "Migrations record model changes; makemigrations writes them and migrate applies them.",
    "A blueprint groups routes, templates and static files so an app can be split up.",
    "Dependency injection with Depends gives each path operation its database session.",
    "Pydantic models validate the request body and generate the OpenAPI schema.",
]


class Daemon:
    def __init__(self, folder, port=0):
        self.folder, self.port = folder, port

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.port), "--transcripts", self.folder, "--max-sessions", "5000",
             "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={"HOME": self.folder, "PATH": "/usr/bin:/bin"})
        line = self.process.stdout.readline().decode()
        if "listening on" not in line:
            sys.exit(f"serve benchmark: the daemon did not start: {line!r}")
        self.port = int(line.split("http://127.0.0.1:")[1].split()[0])

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


class Connection:
    """One keep-alive HTTP/1.1 connection that reconnects after the daemon comes back."""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, method, path, body=None, token=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        data = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        try:
            self.writer.write(head.encode() + b"Content-Type: application/json\r\n\r\n" + data)
            status_line = await self.reader.readuntil(b"\r\n")
            headers = await self.reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in headers.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            payload = await self.reader.readexactly(length)
            return int(status_line.split()[1]), json.loads(payload) if payload else {}
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            self.writer = None
            raise ConnectionError


class Stats:
    def __init__(self):
        self.latencies, self.errors, self.acknowledged, self.sessions = [], 0, [], []
        self.interrupted, self.continued = set(), set()
        self.first_error = None
        self.completed_by_kill = set()
        self.kills, self.killed_after = 0, 0


async def candidate(number, port, stats, deadline, fault):
    connection = Connection(port)
    for round_ in range(ROUNDS):
        if time.monotonic() > deadline:
            return
        session = None
        while session is None and time.monotonic() < deadline:
            try:
                status, body = await connection.request("POST", "/v1/sessions", {"count": QUESTIONS, "follow_up": False,
                                                                                  "seed": number * 1000 + round_})
                if status != 201:
                    stats.errors += 1
                    stats.first_error = stats.first_error or f"{status} {body}"
                    return
                session = (body["id"], body["token"])
            except ConnectionError:
                if not fault:
                    stats.errors += 1
                    return
                await asyncio.sleep(0.05)  # the daemon is restarting
        if session is None:
            return
        stats.sessions.append(session[0])
        answered = 0
        while answered < QUESTIONS and time.monotonic() < deadline:
            text = f"{ANSWERS[(number + answered) % len(ANSWERS)]} [c{number}r{round_}q{answered}]"
            if THINK:
                await asyncio.sleep(THINK * (0.5 + ((number * 7 + answered) % 10) / 10))  # 0.5-1.4x, spread out
            start = time.perf_counter()
            try:
                status, body = await connection.request("POST", f"/v1/sessions/{session[0]}/input",
                                                        {"text": text, "input_id": f"c{number}r{round_}q{answered}"}, session[1])
            except ConnectionError:
                if not fault:
                    stats.errors += 1
                    return
                stats.interrupted.add(session[0])
                await asyncio.sleep(0.05)
                continue  # not acknowledged: send it again once the daemon is back
            if status == 409 and session[0] in stats.interrupted:
                stats.completed_by_kill.add(session[0])
                break  # the answer the kill cut off was written and was the last: the session had ended
            if status != 200:
                stats.errors += 1
                stats.first_error = stats.first_error or f"{status} {body}"
                return
            stats.latencies.append(time.perf_counter() - start)
            stats.acknowledged.append((session[0], text))
            if session[0] in stats.interrupted:
                stats.continued.add(session[0])
            answered += 1
            if body["session"]["status"] == "finished":
                break


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


UNRECOVERABLE = []


def transcripts(folder):
    """session id -> (answer texts, has session_end)"""
    found = {}
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        answers, ended, sid, reason = [], False, None, None
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if record["type"] == "session_start":
                    sid = record.get("session_id")
                elif record["type"] == "answer":
                    answers.append(record["text"])
                elif record["type"] == "session_end":
                    ended, reason = True, record.get("reason")
        if sid:
            found[sid] = (answers, ended)
            if reason and reason.startswith("not recoverable"):
                UNRECOVERABLE.append(reason)
    return found


async def drive(daemon, fault, stats):
    deadline = time.monotonic() + DEADLINE
    tasks = [asyncio.create_task(candidate(n, daemon.port, stats, deadline, fault)) for n in range(CANDIDATES)]
    if fault:
        # Kill at even steps of the answers (once: a third of the way), restart on the same
        # port and folder each time.
        total = CANDIDATES * QUESTIONS * ROUNDS
        for kill in range(KILLS):
            step = total // 3 if KILLS == 1 else total * (kill + 1) // (KILLS + 1)
            while len(stats.acknowledged) < step and time.monotonic() < deadline and not all(t.done() for t in tasks):
                await asyncio.sleep(0.01)
            if all(t.done() for t in tasks):
                break
            daemon.kill()
            stats.kills += 1
            stats.killed_after = stats.killed_after or len(stats.acknowledged)
            await asyncio.sleep(0.2)
            daemon.start()
    await asyncio.gather(*tasks)


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"serve benchmark: build first ({BINARY} is missing)")
    with tempfile.TemporaryDirectory() as folder:
        daemon = Daemon(folder)
        daemon.start()
        stats = Stats()
        fault = MODE == "fault"
        start = time.perf_counter()
        asyncio.run(drive(daemon, fault, stats))
        elapsed = time.perf_counter() - start
        daemon_cpu = cpu_seconds(daemon.process.pid)
        own_cpu = time.process_time()
        code = daemon.stop()
        found = transcripts(folder)
        answers = len(stats.latencies)
        ms = sorted(x * 1000 for x in stats.latencies) or [0]
        complete = sum(1 for sid in stats.sessions if sid in found and found[sid][1] and len(found[sid][0]) == QUESTIONS)
        if not fault:
            print(f"serve load benchmark: {CANDIDATES} concurrent candidates x {ROUNDS} rounds of {QUESTIONS}-question sessions, loopback,")
            print(f"  each pausing {THINK * 500:.0f}-{THINK * 1400:.0f} ms before an answer (THINK_MS={THINK * 1000:.0f})")
            print(f"  answers                          {answers:8d}  in {elapsed:.2f} s")
            print(f"  answers per second               {answers / elapsed:8.0f}  (target >= 2000)")
            print(f"  latency p50 / p99                {statistics.median(ms):8.2f} / {ms[int(len(ms) * 0.99) - 1]:.2f} ms  (target p99 < 50 ms)")
            print(f"  errors                           {stats.errors:8d}  (target 0)")
            print(f"  complete transcripts             {complete:8d} of {len(stats.sessions)}  (target all)")
            print(f"  CPU: daemon {daemon_cpu:.2f} s, load generator {own_cpu:.2f} s of {elapsed:.2f} s x 2 cores")
            print(f"  daemon exit after SIGTERM        {code:8d}")
            ok = answers / elapsed >= 2000 and ms[int(len(ms) * 0.99) - 1] < 50 and stats.errors == 0 and complete == len(stats.sessions)
        else:
            lost = [(sid, text) for sid, text in stats.acknowledged if text not in found.get(sid, ([], False))[0]]
            twice = sum(len(answers) - len(set(answers)) for answers, _ in found.values())
            print(f"serve fault benchmark: {stats.kills} SIGKILL(s), the first after {stats.killed_after} acknowledged answers;"
                  " restart each time, candidates continue")
            print(f"  acknowledged answers             {len(stats.acknowledged):8d}")
            print(f"  acknowledged but missing         {len(lost):8d}  (target 0)")
            print(f"  sessions interrupted by the kill {len(stats.interrupted):8d}; continued after restart {len(stats.continued)},")
            print(f"    ended by the answer the kill cut off {len(stats.completed_by_kill)} (its reply was lost; the transcript has it)")
            print(f"  answers recorded twice           {twice:8d}  (target 0)")
            print(f"  complete transcripts             {complete:8d} of {len(stats.sessions)}")
            print(f"  errors (non-2xx replies)         {stats.errors:8d}")
            print(f"  sessions ended as unrecoverable  {len(UNRECOVERABLE):8d}" + (f"  e.g. {UNRECOVERABLE[0][:150]}" if UNRECOVERABLE else ""))
            ok = not lost and not twice and stats.errors == 0 and stats.interrupted == stats.continued | stats.completed_by_kill
        if stats.first_error:
            print(f"  first error: {stats.first_error[:200]}")
        if not ok:
            print("  TARGET MISSED")


if __name__ == "__main__":  # store_load.py imports its answers
    main()
