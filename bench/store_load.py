#!/usr/bin/env python3
"""Load and fault benchmark for two `rehearse serve` daemons sharing one PostgreSQL store,
loopback only, bounded in time and count.

A throwaway PostgreSQL cluster is started for the run (unix socket only, durable defaults:
fsync and synchronous_commit on) and removed at the end; without PostgreSQL the run is skipped.
Daemons A and B serve from it. CANDIDATES concurrent simulated candidates (default 200),
candidate n starting on daemon n % 2, each run ROUNDS 5-question sessions back to back, every
answer carrying a unique input_id, with no pause between answers (THINK_MS=0: a throughput run).
When a third of the expected answers are acknowledged, daemon A is SIGKILLed. A request that
fails with a connection error or a 5xx is sent again, same body and input_id, to the other
daemon: the session id and token stay the same, since any daemon serves any session.

Prints answers per second (acknowledged answers over wall time), p50/p99 latency of the answer
calls, errors, then from `rehearse store export`: acknowledged answers missing from the
transcripts (target 0), answers recorded twice (target 0), complete sessions (a session_end
line and 5 answers), and how many sessions were interrupted (a request failed: a connection error
or a 5xx) and how many of those finished on the other daemon (target all). Exits non-zero when a target is missed (errors, replies
other than 2xx and 5xx, also count: target 0).

The load generator, both daemons and PostgreSQL share the 2 cores, so the figures include
their costs.

    python3 bench/store_load.py [.build/release/rehearse]
"""
import asyncio, collections, glob, json, os, pwd, select, shutil, signal, statistics, subprocess, sys, tempfile, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/rehearse"
CANDIDATES = int(os.environ.get("CANDIDATES", "200"))
ROUNDS = int(os.environ.get("ROUNDS", "5"))
QUESTIONS = 5
DEADLINE = float(os.environ.get("DEADLINE", "120"))  # seconds: the whole run is bounded
THINK = float(os.environ.get("THINK_MS", "0")) / 1000  # a candidate's pause before each answer
STORE_POOL = int(os.environ.get("STORE_POOL", "16"))  # each daemon's connections to PostgreSQL
PG_PORT = 55432  # names the socket file only: the cluster listens on no TCP port
from serve_load import ANSWERS  # the same answers as the one-daemon benchmark


def cpu_seconds(pid, children=False):
    """User + system CPU of a process (0 if it has ended); with children, also of the children it
    has waited for."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def children_of(pid):
    """The ids of pid's live child processes."""
    found = []
    for path in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(path) as handle:
                if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(path.split("/")[2]))
        except (OSError, ValueError, IndexError):
            pass  # it ended while we looked
    return found


def postgres_bin():
    """The folder of the newest installed PostgreSQL's programs, or None."""
    folders = [os.path.dirname(p) for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")]
    folders.sort(key=lambda f: [int(x) for x in f.split("/")[-2].split(".") if x.isdigit()])
    if folders:
        return folders[-1]
    pg_ctl = shutil.which("pg_ctl")
    folder = os.path.dirname(os.path.realpath(pg_ctl)) if pg_ctl else None
    return folder if folder and all(os.path.exists(os.path.join(folder, t)) for t in ("initdb", "psql")) else None


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, reachable only by its unix socket.
    As root, its programs run as the postgres user (PostgreSQL refuses to run as root)."""

    def __init__(self, bin_folder):
        self.bin, self.started = bin_folder, False
        self.folder = tempfile.mkdtemp(prefix="rehearse-pg-")
        self.data = os.path.join(self.folder, "data")
        self.as_owner = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.url = f"postgres://postgres@/rehearse?host={self.folder}&port={PG_PORT}"

    def run(self, tool, *args, timeout=120, check=True):
        done = subprocess.run(self.as_owner + [os.path.join(self.bin, tool), *args], cwd=self.folder,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        if check and done.returncode != 0:
            sys.exit(f"store benchmark: {tool} failed:\n{done.stdout.decode(errors='replace')[-2000:]}")
        return done

    def start(self):
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        options = (f"-c listen_addresses='' -k {self.folder} -p {PG_PORT} -c max_connections=200"
                   " -c fsync=on -c synchronous_commit=on")
        self.started = True  # from here on, stop() must run pg_ctl stop
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "server.log"), "-w", "-t", "60",
                 "-o", options, "start")
        self.run("psql", "-X", "-q", "-h", self.folder, "-p", str(PG_PORT), "-U", "postgres", "-d", "postgres",
                 "-c", "CREATE DATABASE rehearse")

    def version(self):
        return self.run("pg_ctl", "--version").stdout.decode().split("(PostgreSQL)")[-1].split()[0]  # pg_ctl (PostgreSQL) 15.4 ...

    def pid(self):
        with open(os.path.join(self.data, "postmaster.pid")) as handle:
            return int(handle.readline())

    def cpu(self):
        """CPU of the postmaster, its live processes, and the backends that have ended."""
        pid = self.pid()
        return cpu_seconds(pid, children=True) + sum(cpu_seconds(child) for child in children_of(pid))

    def stop(self):
        if self.started and os.path.exists(os.path.join(self.data, "postmaster.pid")):
            if self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "30", "stop", check=False).returncode != 0:
                self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "-t", "30", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def rehearse(home, *args, timeout=120):
    """Runs a `rehearse` command to the end; exits the benchmark if it fails."""
    done = subprocess.run([BINARY, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                          env={"HOME": home, "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        sys.exit(f"store benchmark: rehearse {' '.join(args[:2])} failed ({done.returncode}):\n"
                 f"{done.stdout.decode(errors='replace')[-2000:]}")
    return done.stdout.decode(errors="replace")


class Daemon:
    def __init__(self, name, home, url):
        self.name, self.home, self.url, self.process = name, home, url, None
        self.log = os.path.join(home, f"daemon-{name}.log")

    def start(self):
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [BINARY, "serve", "--port", "0", "--store", self.url, "--max-sessions", "5000", "--log-level", "warning",
                 "--store-pool", str(STORE_POOL)],
                stdout=subprocess.PIPE, stderr=log, env={"HOME": self.home, "PATH": "/usr/bin:/bin"},
                start_new_session=True)  # Ctrl-C reaches the benchmark, which stops the daemons itself
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline().decode(errors="replace") if ready else ""
        if "listening on" not in line:
            with open(self.log, errors="replace") as log:
                sys.exit(f"store benchmark: daemon {self.name} did not start: {line!r}\n{log.read()[-2000:]}")
        self.port = int(line.split("http://127.0.0.1:")[1].split()[0])

    def cpu(self):
        return cpu_seconds(self.process.pid)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)

    def make_sure_stopped(self):
        if self.process and self.process.poll() is None:
            try:
                self.stop()
            except subprocess.TimeoutExpired:
                self.kill()


class Connection:
    """One keep-alive HTTP/1.1 connection, opened on first use and again after a failure.
    (serve_load.py's, also returning the reply's headers.)"""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        try:
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writer.write(head.encode() + b"Content-Type: application/json\r\n\r\n" + data)
            status_line = await self.reader.readuntil(b"\r\n")
            headers = {}
            for line in (await self.reader.readuntil(b"\r\n\r\n")).split(b"\r\n"):
                name, _, value = line.partition(b":")
                headers[name.strip().lower().decode()] = value.strip().decode()
            payload = await self.reader.readexactly(int(headers.get("content-length", "0")))
            return int(status_line.split()[1]), json.loads(payload) if payload else {}, headers
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            self.writer = None
            raise ConnectionError


class Stats:
    def __init__(self):
        self.latencies, self.acknowledged, self.sessions = [], [], []
        self.errors, self.first_error = 0, None
        self.out_of_time, self.cut_off = 0, 0  # candidates stopped by the deadline; requests cancelled after it
        self.failures = collections.Counter()  # (daemon, "connection error" or "5xx") -> requests sent again
        self.interrupted, self.ended_by_cut_off, self.creations_moved = set(), set(), 0
        self.killed_after, self.cpu_a = None, None

    def error(self, text):
        self.errors += 1
        self.first_error = self.first_error or text


class Client:
    """A candidate's connections, one per daemon, and the daemon it is using now."""

    def __init__(self, side, ports, stats):
        self.side, self.stats = side, stats
        self.connections = [Connection(port) for port in ports]

    async def send(self, method, path, body, token, deadline):
        """(status, body, failures, seconds) of the first reply that is not a 5xx, where failures is
        how many tries failed (connection error or 5xx; each moved to the other daemon) and seconds
        is the last try's latency. None at the deadline."""
        failures = 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                status, reply, headers = await self.connections[self.side].request(method, path, body, token)
                if status < 500:
                    return status, reply, failures, time.perf_counter() - start
                kind, pause = "5xx", retry_after(headers)
            except ConnectionError:
                kind, pause = "connection error", 0.02
            self.stats.failures["AB"[self.side], kind] += 1
            failures += 1
            self.side = 1 - self.side
            await asyncio.sleep(pause)
        self.stats.out_of_time += 1
        return None


def retry_after(headers):
    try:
        return min(float(headers.get("retry-after", "0.1")), 1.0)  # honoured, up to a second
    except ValueError:
        return 0.1


async def create_session(client, seed, stats, deadline):
    result = await client.send("POST", "/v1/sessions", {"count": QUESTIONS, "follow_up": False, "seed": seed}, None, deadline)
    if result is None:
        return None
    status, reply, failures, _ = result
    stats.creations_moved += failures > 0
    if status != 201:
        stats.error(f"create: {status} {reply}")
        return None
    return reply["id"], reply["token"]


async def answer_all(client, number, round_, session, stats, deadline):
    """Answers the session's questions; False if the candidate has to stop."""
    sid, token = session
    for question in range(QUESTIONS):
        input_id = f"c{number}r{round_}q{question}"
        text = f"{ANSWERS[(number + question) % len(ANSWERS)]} [{input_id}]"
        if THINK:
            await asyncio.sleep(THINK * (0.5 + ((number * 7 + question) % 10) / 10))  # 0.5-1.4x, spread out
        result = await client.send("POST", f"/v1/sessions/{sid}/input", {"text": text, "input_id": input_id}, token, deadline)
        if result is None:
            return False
        status, reply, failures, seconds = result
        if failures:
            stats.interrupted.add(sid)
        if status == 409 and sid in stats.interrupted:
            stats.ended_by_cut_off.add(sid)  # the answer the kill cut off was written and ended the session
            return True
        if status != 200:
            stats.error(f"answer: {status} {reply}")
            return False
        stats.latencies.append(seconds)
        stats.acknowledged.append((sid, input_id))
        if reply["session"]["status"] == "finished":
            return True
    return True


async def candidate(number, ports, stats, deadline):
    client = Client(number % 2, ports, stats)
    for round_ in range(ROUNDS):
        session = await create_session(client, number * 1000 + round_, stats, deadline)
        if session is None:
            return
        stats.sessions.append(session[0])
        if not await answer_all(client, number, round_, session, stats, deadline):
            return


async def kill_a_third_of_the_way(daemon, tasks, stats, deadline):
    step = CANDIDATES * ROUNDS * QUESTIONS // 3
    while len(stats.acknowledged) < step:
        if time.monotonic() > deadline or all(task.done() for task in tasks):
            return
        await asyncio.sleep(0.005)
    stats.cpu_a = daemon.cpu()
    daemon.kill()
    stats.killed_after = len(stats.acknowledged)


async def drive(daemons, stats):
    deadline = time.monotonic() + DEADLINE
    ports = [daemon.port for daemon in daemons]
    tasks = [asyncio.create_task(candidate(n, ports, stats, deadline)) for n in range(CANDIDATES)]
    await kill_a_third_of_the_way(daemons[0], tasks, stats, deadline)
    _, pending = await asyncio.wait(tasks, timeout=max(0, deadline - time.monotonic()) + 5)
    for task in pending:
        task.cancel()  # a request still unanswered after the deadline
    await asyncio.gather(*tasks, return_exceptions=True)
    stats.cut_off = len(pending)
    for task in tasks:
        if not task.cancelled() and task.exception():
            raise task.exception()


def exported(home, url):
    """session id -> (input_ids of its answer lines, has session_end), from `rehearse store export`."""
    folder = os.path.join(home, "export")
    rehearse(home, "store", "export", "--store", url, folder)
    found = {}
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        answers, ended, sid = [], False, None
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if record["type"] == "session_start":
                    sid = record.get("session_id")
                elif record["type"] == "answer":
                    answers.append(record.get("input_id"))
                elif record["type"] == "session_end":
                    ended = True
        if sid:
            found[sid] = (answers, ended)
    return found


def report(stats, found, elapsed, cpu, version):
    """Prints the figures; returns the exit status."""
    answered = collections.Counter(i for answers, _ in found.values() for i in answers if i)
    missing = [(sid, i) for sid, i in stats.acknowledged if i not in found.get(sid, ([], False))[0]]
    duplicated = sum(1 for count in answered.values() if count > 1)
    complete = {sid for sid in stats.sessions if sid in found and found[sid][1] and len(found[sid][0]) == QUESTIONS}
    finished_elsewhere = stats.interrupted & complete
    ms = sorted(x * 1000 for x in stats.latencies) or [0]
    acknowledged = len(stats.acknowledged)
    failed = "; ".join(f"{daemon}: " + ", ".join(f"{stats.failures[daemon, kind]} {kind}" for kind in ("connection error", "5xx")
                                                 if stats.failures[daemon, kind]) for daemon in "AB"
                       if stats.failures[daemon, "connection error"] + stats.failures[daemon, "5xx"]) or "none"
    print(f"store benchmark: {CANDIDATES} concurrent candidates x {ROUNDS} rounds of {QUESTIONS}-question sessions, loopback,")
    print(f"  two daemons on one PostgreSQL {version} store (unix socket, fsync and synchronous_commit on),"
          f" THINK_MS={THINK * 1000:.0f}")
    print(f"  daemon A SIGKILLed after         {stats.killed_after if stats.killed_after is not None else 'never':>8}"
          f" acknowledged answers (a third of {CANDIDATES * ROUNDS * QUESTIONS})")
    print(f"  answers per second               {acknowledged / elapsed:8.0f}  ({acknowledged} in {elapsed:.2f} s)")
    print(f"  latency p50 / p99                {statistics.median(ms):8.2f} / {ms[max(0, int(len(ms) * 0.99) - 1)]:.2f} ms")
    print(f"  acknowledged answers             {acknowledged:8d}")
    print(f"  errors (unexpected replies)      {stats.errors:8d}  (target 0)")
    print(f"  requests sent again elsewhere    {sum(stats.failures.values()):8d}  ({failed});"
          f" session creations moved {stats.creations_moved}")
    print(f"  acknowledged but missing         {len(missing):8d}  (target 0)")
    print(f"  answers recorded twice           {duplicated:8d}  (target 0)")
    print(f"  complete sessions                {len(complete):8d} of {len(stats.sessions)} started"
          f" ({len(found)} in the export)")
    print(f"  sessions interrupted             {len(stats.interrupted):8d}; completed on the other daemon {len(finished_elsewhere)}"
          f" (of which ended by the answer the kill cut off: {len(stats.ended_by_cut_off & complete)})")
    print(f"  CPU: daemon A {cpu['A']:.2f} s (until killed), daemon B {cpu['B']:.2f} s, PostgreSQL {cpu['postgres']:.2f} s,"
          f" load generator {cpu['own']:.2f} s of {elapsed:.2f} s x 2 cores")
    if stats.out_of_time or stats.cut_off:
        print(f"  DEADLINE ({DEADLINE:.0f} s) reached: {stats.out_of_time + stats.cut_off} candidates stopped before the end"
              f" ({stats.cut_off} of them still waiting for a reply)")
    if stats.first_error:
        print(f"  first error: {stats.first_error[:200]}")
    if missing:
        print(f"  first missing: {missing[0]}")
    ok = (not missing and not duplicated and finished_elsewhere == stats.interrupted and not stats.errors
          and stats.killed_after is not None)
    if not ok:
        print("  TARGET MISSED")
    return 0 if ok else 1


def run(cluster, home):
    cluster.start()
    rehearse(home, "store", "migrate", "--store", cluster.url)
    daemons = [Daemon(name, home, cluster.url) for name in "AB"]
    try:
        for daemon in daemons:
            daemon.start()
        stats, postgres_before = Stats(), cluster.cpu()
        start = time.perf_counter()
        asyncio.run(drive(daemons, stats))
        elapsed = time.perf_counter() - start
        cpu = {"A": stats.cpu_a if stats.cpu_a is not None else daemons[0].cpu(), "B": daemons[1].cpu(),
               "postgres": cluster.cpu() - postgres_before, "own": time.process_time()}
    finally:
        for daemon in daemons:
            daemon.make_sure_stopped()
    return report(stats, exported(home, cluster.url), elapsed, cpu, cluster.version())


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"store benchmark: build first ({BINARY} is missing)")
    bin_folder = postgres_bin()
    if bin_folder is None:
        print("store benchmark: skipped, PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH)")
        return 0
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            print("store benchmark: skipped, running as root and there is no postgres user to run PostgreSQL as")
            return 0
    signal.signal(signal.SIGTERM, interrupted)  # clean up on a plain kill too, as on Ctrl-C
    cluster = Cluster(bin_folder)
    try:
        with tempfile.TemporaryDirectory(prefix="rehearse-store-load-") as home:
            return run(cluster, home)
    finally:
        cluster.stop()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("store benchmark: interrupted (the daemons and the PostgreSQL cluster are stopped and removed)")
