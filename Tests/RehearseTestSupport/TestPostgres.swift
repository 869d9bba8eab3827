import Foundation
import Synchronization

/// A throwaway PostgreSQL cluster for tests of the team store: made in a temporary folder on first use, reached only
/// through a unix socket in that folder, and removed when the test process exits.
///
/// `initdb` refuses to run as root, so as root the server runs as the `postgres` account (through `runuser`).
public final class TestPostgres: Sendable {
    /// A PostgreSQL tool that failed, with what it wrote.
    public struct TestPostgresError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The folder holding the server's socket, and also its data and log.
    public let socketFolder: String
    /// Only names the socket (`.s.PGSQL.<port>`): the server does not listen on TCP.
    public let port: Int

    private let tools: Tools
    private let databasesMade = Mutex(0)

    private static let folderPrefix = "rehearse-pg-"
    private static let located = locate()
    private static let launched = Result<TestPostgres?, any Error> { try launch() }
    /// The clusters' folders for the `atexit` handler, which cannot capture them.
    private static let leftBehind = Mutex<[String]>([])

    /// The one cluster of this test process, started on first use; nil when PostgreSQL is not installed
    /// (then ``unavailableReason`` says why). A cluster that failed to start throws the same error on every call.
    public static func shared() throws -> TestPostgres? {
        try launched.get()
    }

    /// Why ``shared()`` returns nil, e.g. "PostgreSQL is not installed (apt install postgresql)"; nil when it can run here.
    public static var unavailableReason: String? {
        located.reason
    }

    /// Whether the suite must fail rather than skip when PostgreSQL is missing: true when the environment has CI set (non-empty).
    public static var required: Bool {
        !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    private init(socketFolder: String, port: Int, tools: Tools) {
        self.socketFolder = socketFolder
        self.port = port
        self.tools = tools
    }

    /// A new empty database on the shared cluster, or `nil` after printing why there is none.
    /// - Throws: when PostgreSQL is missing where it is ``required`` (CI), so the test fails.
    public static func database() throws -> String? {
        guard let cluster = try shared() else {
            let reason = unavailableReason ?? "PostgreSQL is not available"
            if required { throw TestPostgresError(description: "CI must run the PostgreSQL tests: \(reason)") }
            print("skipped: \(reason)")
            return nil
        }
        return try cluster.makeDatabase()
    }

    /// A new empty database on the cluster, with a unique name; returns its URL.
    public func makeDatabase() throws -> String {
        let number = databasesMade.withLock { count in
            count += 1
            return count
        }
        let name = "t_\(number)_\(String(UInt32.random(in: .min ... .max), radix: 36))"
        // -X: a ~/.psqlrc must not change what runs.
        try tools.run(
            "psql",
            [
                "-X", "-q", "-h", socketFolder, "-p", "\(port)", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE DATABASE \"\(name)\"",
            ],
            asServerAccount: false)
        return url(database: name)
    }

    /// `postgres://postgres@/NAME?host=SOCKETDIR&port=PORT&connect_timeout=60`: through the unix
    /// socket only. The long connect timeout is for the test machine, whose two cores a full run
    /// (browsers included) can keep busy for longer than the 10 s a real deployment waits.
    public func url(database: String) -> String {
        var queryValue = CharacterSet.urlQueryAllowed
        queryValue.remove(charactersIn: "&=+#")
        let name = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        let host = socketFolder.addingPercentEncoding(withAllowedCharacters: queryValue) ?? socketFolder
        return "postgres://postgres@/\(name)?host=\(host)&port=\(port)&connect_timeout=60"
    }

    /// Stops the server (`pg_ctl stop -m fast`), for tests of a store restart; ``start()`` brings it back.
    public func stop() throws {
        try tools.run("pg_ctl", ["-D", dataFolder, "-m", "fast", "-w", "stop"])
    }

    /// Starts the server again after ``stop()``.
    public func start() throws {
        // fsync and full-page writes only guard against a crash of the machine, which a test cluster need not survive;
        // synchronous_commit stays on, so COMMIT still waits for the WAL as it does in production.
        let options = "-c listen_addresses='' -k '\(socketFolder)' -p \(port) -c fsync=off -c full_page_writes=off -c max_connections=200"
        do {
            try tools.run("pg_ctl", ["-D", dataFolder, "-l", logFile, "-w", "-o", options, "start"])
        } catch {
            // pg_ctl only says to read the log.
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            let tail = log.split(separator: "\n").suffix(15).joined(separator: "\n")
            throw TestPostgresError(description: "\(error)\nend of \(logFile):\n\(tail)")
        }
    }

    private var dataFolder: String { socketFolder + "/data" }
    private var logFile: String { socketFolder + "/log" }

    /// A cluster of the caller's own, for a test that stops and starts its server (the shared one
    /// serves tests running in parallel); ``remove()`` it afterwards. Throws when PostgreSQL is missing.
    public static func startPrivate() throws -> TestPostgres {
        guard try shared() != nil, let cluster = try launch() else {
            throw TestPostgresError(description: unavailableReason ?? "PostgreSQL is not available")
        }
        return cluster
    }

    /// Stops this cluster's server and deletes its folder.
    public func remove() {
        try? tools.run("pg_ctl", ["-D", dataFolder, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: socketFolder)
        Self.leftBehind.withLock { $0.removeAll { $0 == socketFolder } }
    }

    private static let exitHandler: Void = { _ = atexit { TestPostgres.removeAtExit() } }()

    private static func launch() throws -> TestPostgres? {
        guard let tools = located.tools else { return nil }
        if leftBehind.withLock({ $0.isEmpty }) { removeStaleFolders(tools) }
        // Only the socket's name depends on the port, and the socket is in a folder of our own: no clash is possible.
        let port = 20_000 + Int(getpid()) % 20_000
        let folder = try makeFolder(tools, port: port)
        leftBehind.withLock { $0.append(folder) }
        _ = Self.exitHandler
        let cluster = TestPostgres(socketFolder: folder, port: port, tools: tools)
        try tools.run("initdb", ["-D", cluster.dataFolder, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"])
        try cluster.start()
        return cluster
    }

    private static func locate() -> (tools: Tools?, reason: String?) {
        let files = FileManager.default
        // Debian installs major versions side by side; elsewhere (Homebrew) the tools are on the PATH.
        let debian = "/usr/lib/postgresql"
        let versions = ((try? files.contentsOfDirectory(atPath: debian)) ?? []).compactMap { Int($0) }.sorted(by: >)
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let bin = (versions.map { "\(debian)/\($0)/bin" } + path).first { folder in
            ["initdb", "pg_ctl", "psql"].allSatisfy { files.isExecutableFile(atPath: "\(folder)/\($0)") }
        }
        guard let bin else { return (nil, "PostgreSQL is not installed (apt install postgresql)") }
        guard geteuid() == 0 else { return (Tools(bin: bin, runuser: nil, owner: nil), nil) }
        guard let account = getpwnam("postgres") else {
            return (nil, "running as root, and there is no postgres account to run PostgreSQL as (initdb refuses root)")
        }
        let owner = (uid: account.pointee.pw_uid, gid: account.pointee.pw_gid)
        guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: { files.isExecutableFile(atPath: $0) }) else {
            return (nil, "running as root, and runuser (util-linux) is missing to run PostgreSQL as postgres")
        }
        return (Tools(bin: bin, runuser: runuser, owner: owner), nil)
    }

    private static func makeFolder(_ tools: Tools, port: Int) throws -> String {
        let temporary = temporaryFolder
        var template = Array("\(temporary)\(folderPrefix)\(getpid())-XXXXXX".utf8CString)
        // sun_path holds 104 bytes on macOS, 108 on Linux, with the final NUL.
        guard template.count + "/.s.PGSQL.\(port)".utf8.count <= 104 else {
            throw TestPostgresError(description: "\(temporary) is too long a path for PostgreSQL's socket; set TMPDIR to a shorter folder")
        }
        let made = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let folder = made else {
            throw TestPostgresError(description: "cannot create a folder in \(temporary): \(String(cString: strerror(errno)))")
        }
        if let owner = tools.owner, chown(folder, owner.uid, owner.gid) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: folder)
            throw TestPostgresError(description: "cannot give \(folder) to postgres: \(reason)")
        }
        return folder
    }

    /// Clusters of test processes that were killed, so never ran their `atexit` handler.
    private static func removeStaleFolders(_ tools: Tools) {
        let temporary = temporaryFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(folderPrefix) {
            let rest = name.dropFirst(folderPrefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid != getpid() else { continue }
            // EPERM means the process exists but belongs to someone else.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let folder = temporary + name
            if FileManager.default.fileExists(atPath: folder + "/data/postmaster.pid") {
                try? tools.run("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Stops the servers the way `pg_ctl stop -m immediate` does, by SIGQUIT to the postmaster: while the process exits,
    /// a signal is safer than starting and waiting for another program.
    private static func removeAtExit() {
        for folder in leftBehind.withLock({ $0 }) { removeAtExit(folder) }
    }

    private static func removeAtExit(_ folder: String) {
        let pidFile = folder + "/data/postmaster.pid"
        if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let line = text.split(separator: "\n").first, let pid = pid_t(line), pid > 0, kill(pid, SIGQUIT) == 0
        {
            // The postmaster removes its pid file when it is done; waiting longer than 10 s would hang the test run.
            var waited = 0
            while FileManager.default.fileExists(atPath: pidFile), waited < 1_000 {
                usleep(10_000)
                waited += 1
            }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static var temporaryFolder: String {
        let folder = NSTemporaryDirectory()
        return folder.hasSuffix("/") ? folder : folder + "/"
    }

    /// Where PostgreSQL's programs are, and how to run them.
    private struct Tools: Sendable {
        let bin: String
        /// Set when this process is root: the server's programs then run as postgres.
        let runuser: String?
        /// postgres's ids, to give it the cluster's folder; set when this process is root.
        let owner: (uid: uid_t, gid: gid_t)?

        /// Runs `tool` from the bin folder until it exits, as postgres if `asServerAccount` and this process is root.
        ///
        /// Not with Foundation's `Process`: on Linux it learns that a program ended when a socket the program inherits
        /// closes, and the server that `pg_ctl start` leaves running inherits it too, so waiting would last as long as the
        /// server. posix_spawn closes every descriptor but the three standard ones, and waitpid waits for `tool` alone.
        func run(_ tool: String, _ arguments: [String], asServerAccount: Bool = true) throws {
            let command: [String]
            if asServerAccount, let runuser {
                command = [runuser, "-u", "postgres", "--", "\(bin)/\(tool)"] + arguments
            } else {
                command = ["\(bin)/\(tool)"] + arguments
            }
            let line = command.joined(separator: " ")
            // The developer's PGHOST, PGDATA, PGOPTIONS… must not steer the throwaway cluster.
            let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }.map { "\($0.key)=\($0.value)" }
            let output = try Self.scratchFile()
            defer { close(output) }
            let status = try Self.spawnAndWait(command, environment: environment, output: output, line: line)
            // The layout of a wait status, as WIFEXITED and WEXITSTATUS read it (the macros are not imported).
            if status & 0x7f == 0 && (status >> 8) & 0xff == 0 { return }
            let ending = status & 0x7f == 0 ? "status \((status >> 8) & 0xff)" : "signal \(status & 0x7f)"
            _ = lseek(output, 0, SEEK_SET)
            let written = String(decoding: FileHandle(fileDescriptor: output, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
            throw TestPostgresError(description: "\(line) failed (\(ending)):\n\(written.trimmingCharacters(in: .whitespacesAndNewlines))")
        }

        /// Starts `command` with `output` as its stdout and stderr and returns its wait status once it exits.
        private static func spawnAndWait(_ command: [String], environment: [String], output: Int32, line: String) throws -> Int32 {
            let argv = command.map { strdup($0) } + [nil]
            let envp = environment.map { strdup($0) } + [nil]
            defer { for pointer in argv + envp { free(pointer) } }
            #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
            #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
            #endif
            posix_spawn_file_actions_init(&actions)
            posix_spawnattr_init(&attributes)
            defer {
                posix_spawn_file_actions_destroy(&actions)
                posix_spawnattr_destroy(&attributes)
            }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
            // Descriptors of other tests (their pipes, sockets, Foundation's process sockets) must not live on in the
            // server, where they would stay open until the test process exits.
            #if canImport(Darwin)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
            #else
            // glibc declares these two only for _GNU_SOURCE, which Swift's Glibc module leaves out; closefrom needs 2.34.
            typealias AddNumber = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
            typealias AddPath = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
            if let closefrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
                _ = unsafeBitCast(closefrom, to: AddNumber.self)(&actions, 3)
            } else {
                let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
                for descriptor in open where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
            }
            // postgres may not be allowed into the test's working folder, and would complain on every call.
            if let chdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np") {
                _ = unsafeBitCast(chdir, to: AddPath.self)(&actions, "/")
            }
            #endif
            var pid: pid_t = 0
            let failure = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
            guard failure == 0 else {
                throw TestPostgresError(description: "cannot run \(line): \(String(cString: strerror(failure)))")
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else {
                    throw TestPostgresError(description: "cannot wait for \(line): \(String(cString: strerror(errno)))")
                }
            }
            return status
        }

        /// An unlinked file for a tool's output. Not a pipe: the server started by pg_ctl could hold its write end open,
        /// and reading the pipe to its end would then wait for the server to stop.
        private static func scratchFile() throws -> Int32 {
            var template = Array("\(TestPostgres.temporaryFolder)rehearse-postgres-output-XXXXXX".utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in
                let descriptor = mkstemp(buffer.baseAddress!)
                if descriptor >= 0 { unlink(buffer.baseAddress!) }
                return descriptor
            }
            guard descriptor >= 0 else {
                throw TestPostgresError(description: "cannot create a file in \(TestPostgres.temporaryFolder): \(String(cString: strerror(errno)))")
            }
            // Programs that other tests start meanwhile need not inherit it.
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            return descriptor
        }
    }
}
