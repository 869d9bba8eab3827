import Foundation
import RehearseTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real `rehearse serve` processes on a real PostgreSQL: killed, restarted, and read back by
/// the commands that read past sessions.
@Suite("Daemons on PostgreSQL, end to end", .serialized)
struct PostgresDaemonTests {
    static func database() throws -> String? { try TestPostgres.database() }

    static let answers = ["Middleware checks a CSRF token.", "The ORM maps models to tables.", "Migrations record model changes."]

    /// Lines of each exported transcript.
    static func exported(_ runner: BinaryRunner, store: String) throws -> [[[String: Any]]] {
        let folder = runner.home.appendingPathComponent("export").path
        let result = try runner.run(["store", "export", "--store", store, folder])
        #expect(result.status == 0, "\(result.stderr)")
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
    }

    @Test("a daemon killed mid-session: its sessions finish on the other, nothing lost or twice")
    func killOneOfTwo() async throws {
        guard let store = try Self.database() else { return }
        let runner = try BinaryRunner()
        let a = try ServeProcess(runner: runner, store: store)
        let b = try ServeProcess(runner: runner, store: store)
        defer { _ = b.stop() }
        var sessions: [(id: String, token: String)] = []
        for seed in 1...3 {
            let (status, created) = try await a.call("POST", "/v1/sessions", body: #"{"count": 3, "seed": \#(seed), "follow_up": false}"#)
            #expect(status == 201)
            sessions.append((created["id"] as! String, created["token"] as! String))
        }
        var replies: [String: [String: Any]] = [:]
        for session in sessions {
            let body = #"{"text": "\#(Self.answers[0])", "input_id": "\#(session.id)-0"}"#
            let (status, reply) = try await a.call("POST", "/v1/sessions/\(session.id)/input", body: body, token: session.token)
            #expect(status == 200)
            replies[session.id] = reply
        }
        a.kill()
        for session in sessions {
            // The client never saw A's reply: it resends to B, which has it stored.
            let resend = #"{"text": "\#(Self.answers[0])", "input_id": "\#(session.id)-0"}"#
            let (status, reply) = try await b.call("POST", "/v1/sessions/\(session.id)/input", body: resend, token: session.token)
            #expect(status == 200)
            let question = { (reply: [String: Any]) in ((reply["session"] as? [String: Any])?["question"] as? [String: Any])?["number"] as? Int }
            #expect(question(reply) == question(replies[session.id]!))
            for index in 1..<3 {
                let body = #"{"text": "\#(Self.answers[index])", "input_id": "\#(session.id)-\#(index)"}"#
                let (status, _) = try await b.call("POST", "/v1/sessions/\(session.id)/input", body: body, token: session.token)
                #expect(status == 200)
            }
        }
        let transcripts = try Self.exported(runner, store: store)
        #expect(transcripts.count == 3)
        for lines in transcripts {
            let answers = lines.filter { $0["type"] as? String == "answer" }.compactMap { $0["input_id"] as? String }
            #expect(answers.count == 3 && Set(answers).count == 3)
            #expect(lines.last?["type"] as? String == "session_end")
        }
        let history = try runner.run(["history", "--store", store, "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [Any])?.count == 3)
        let replay = try runner.run(["replay", "--store", store, "latest"])
        #expect(replay.status == 0 && replay.stdout.contains(Self.answers[2]), "\(replay.stderr)")
    }

    @Test("PostgreSQL restarted mid-session: 503 with Retry-After, then the same input is recorded once")
    func storeRestart() async throws {
        guard try Self.database() != nil else { return }
        let cluster = try TestPostgres.startPrivate()
        defer { cluster.remove() }
        let store = try cluster.makeDatabase()
        let runner = try BinaryRunner()
        let daemon = try ServeProcess(runner: runner, arguments: ["--store-timeout", "2s"], store: store)
        defer { _ = daemon.stop() }
        let (_, created) = try await daemon.call("POST", "/v1/sessions", body: #"{"count": 2, "seed": 4, "follow_up": false}"#)
        let (id, token) = (created["id"] as! String, created["token"] as! String)
        let body = #"{"text": "\#(Self.answers[0])", "input_id": "kept"}"#
        try cluster.stop()
        let started = Date()
        let (status, refused) = try await daemon.call("POST", "/v1/sessions/\(id)/input", body: body, token: token)
        #expect(status == 503 && refused["code"] as? String == "unavailable")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try await daemon.call("GET", "/healthz").0 == 503)
        try cluster.start()
        var accepted = 0
        for _ in 0..<40 where accepted != 200 {
            accepted = try await daemon.call("POST", "/v1/sessions/\(id)/input", body: body, token: token).0
            if accepted != 200 { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(accepted == 200)
        #expect(try await daemon.call("GET", "/healthz").0 == 200)
        let lines = try Self.exported(runner, store: store).first ?? []
        #expect(lines.filter { $0["type"] as? String == "answer" }.count == 1)
    }

    @Test("a bad or unreachable store is a clear error, not a hang")
    func badStores() throws {
        let runner = try BinaryRunner()
        let bogus = try runner.run(["history", "--store", "mysql://x"])
        #expect(bogus.status == 1 && bogus.stderr.contains("neither files:DIR nor postgres://"))
        let started = Date()
        let unreachable = try runner.run(["history", "--store", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"])
        #expect(unreachable.status == 1 && unreachable.stderr.contains("127.0.0.1:1"), "\(unreachable.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
        let both = try runner.run(["history", "--store", "files:/tmp", "--transcripts", "/tmp"])
        #expect(both.status != 0 && both.stderr.contains("not both"))
        let serve = try runner.run([
            "serve", "--port", "0", "--store", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1", "--store-timeout", "1s",
        ])
        #expect(serve.status == 1 && serve.stderr.contains("store postgres://nobody@127.0.0.1:1/none"), "\(serve.stderr)")
    }
}

/// `store import` of a folder whose journal has not been replayed: refused before any database.
@Suite("store import and the daemon's journal")
struct StoreImportJournalTests {
    @Test("a folder with a daemon's journal is refused, saying how to replay it")
    func refused() throws {
        let runner = try BinaryRunner()
        let folder = runner.home.appendingPathComponent("transcripts").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/.rehearse-journal-000001", contents: Data("rehearse-journal 1\n".utf8)))
        let result = try runner.run(["store", "import", "--store", "postgres://nobody@127.0.0.1:1/none", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains(".rehearse-journal-000001\" is a daemon's journal"), "\(result.stderr)")
        #expect(result.stderr.contains("rehearse serve --transcripts DIR"))
    }
}
