import Foundation
import Logging
import RehearseCore
import Testing

@testable import RehearseServer

@Suite("Restarts and crashes lose nothing acknowledged")
struct RecoveryTests {
    @Test("after a restart, an unfinished session continues with the same id and token, and no line is written twice")
    func restart() async throws {
        let first = try await TestDaemon.start()
        let (id, token, _) = try await first.create(#"{"seed": 5, "count": 3}"#)
        let inputs = ["/hint", "It uses middleware and a csrf token.", "/skip", "Models map to tables with an ORM."]
        for text in inputs {
            #expect(try await first.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "\#(text)"}"#, token: token).status == 200)
        }
        let before = try await first.send("GET", "/v1/sessions/\(id)", token: token)
        let linesBefore = try await first.send("GET", "/v1/sessions/\(id)/transcript", token: token).body
        await first.stop()

        let second = try await TestDaemon.start(folder: first.folder)
        let after = try await second.send("GET", "/v1/sessions/\(id)", token: token)
        #expect(after.status == 200)
        #expect(try field(after.body, "question") as? NSDictionary == field(before.body, "question") as? NSDictionary)
        #expect(try field(after.body, "status") as? String == field(before.body, "status") as? String)
        #expect(try await second.send("GET", "/v1/sessions/\(id)/transcript", token: token).body == linesBefore)
        #expect(try await second.send("GET", "/v1/sessions/\(id)", token: "wrong").status == 404)

        // It goes on to the end; the transcript reads as one session.
        for _ in 0..<6 {
            let reply = try await second.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "/skip"}"#, token: token)
            if reply.status != 200 { break }
        }
        let log = try TranscriptReader.read(TranscriptLibrary(folder: first.folder).paths()[0])
        #expect(log.end?.reason == "completed")
        #expect(log.questions.count == 3 && log.warnings.isEmpty)

        // A session that ended just before a restart can still be looked up; input gets 409, not 404.
        await second.stop()
        let third = try await TestDaemon.start(folder: first.folder)
        defer { Task { await third.stop() } }
        #expect(try field(try await third.send("GET", "/v1/sessions/\(id)", token: token).body, "status") as? String == "finished")
        #expect(try await third.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "late"}"#, token: token).status == 409)
    }

    @Test("an input sent again with its input_id is answered again, not recorded twice, before and after a restart")
    func resentInput() async throws {
        let first = try await TestDaemon.start()
        let (id, token, _) = try await first.create(#"{"seed": 2, "count": 3, "follow_up": false}"#)
        let body = #"{"text": "It uses middleware.", "input_id": "a-1"}"#
        let once = try await first.send("POST", "/v1/sessions/\(id)/input", body: body, token: token)
        let twice = try await first.send("POST", "/v1/sessions/\(id)/input", body: body, token: token)
        #expect(once.status == 200 && twice.status == 200)
        #expect(try number(once.body) == 2)
        #expect(try number(twice.body) == 2)
        await first.stop()

        let second = try await TestDaemon.start(folder: first.folder)
        defer { Task { await second.stop() } }
        let again = try await second.send("POST", "/v1/sessions/\(id)/input", body: body, token: token)
        #expect(again.status == 200)
        #expect(try number(again.body) == 2)
        #expect(String(decoding: again.body, as: UTF8.self).contains("already recorded; its reply is no longer kept"))
        let next = try await second.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "Models.", "input_id": "a-2"}"#, token: token)
        #expect(try number(next.body) == 3)
        let log = try TranscriptReader.read(TranscriptLibrary(folder: first.folder).paths()[0])
        #expect(log.questions.compactMap(\.answer?.text) == ["It uses middleware.", "Models."])
    }

    /// The number of the question the reply's session state is on.
    private func number(_ body: Data) throws -> Int? {
        ((try field(body, "session") as? [String: Any])?["question"] as? [String: Any])?["number"] as? Int
    }

    @Test("a line cut off by a crash is dropped before the session continues")
    func cutLine() async throws {
        let first = try await TestDaemon.start()
        let (id, token, _) = try await first.create()
        await first.stop()
        let path = TranscriptLibrary(folder: first.folder).paths()[0]
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"answer","text":"half a li"#.utf8))
        try handle.close()

        let second = try await TestDaemon.start(folder: first.folder)
        defer { Task { await second.stop() } }
        #expect(try await second.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "an answer"}"#, token: token).status == 200)
        let log = try TranscriptReader.read(path)
        #expect(log.warnings.isEmpty)
        #expect(log.questions.first?.answer?.text == "an answer")
    }

    @Test("a session whose scenario is gone is ended with the reason instead of being half-continued")
    func unrecoverable() async throws {
        let first = try await TestDaemon.start()
        _ = try await first.create()
        await first.stop()
        let path = TranscriptLibrary(folder: first.folder).paths()[0]
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"scenario\":\"python-web\"", with: "\"scenario\":\"retired\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let hub = SessionHub(settings: HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: first.folder))
        let outcome = try await hub.recover(logger: Logger.quiet)
        #expect(outcome.recovered == 0 && outcome.ended == 1)
        #expect(try TranscriptReader.read(path).end?.reason?.contains("no longer loaded") == true)
    }

    private func field(_ body: Data, _ key: String) throws -> Any? {
        (try JSONSerialization.jsonObject(with: body) as? [String: Any])?[key]
    }
}

@Suite("Recovery touches only the regular files of its folder")
struct HostileFolderTests {
    @Test("a symlink to a file elsewhere is neither read nor cut; a FIFO does not hang the start")
    func plantedFiles() async throws {
        let folder = NSTemporaryDirectory() + "rehearse-planted-\(UUID().uuidString)"
        let outside = NSTemporaryDirectory() + "rehearse-outside-\(UUID().uuidString).jsonl"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: outside)
        }
        // Looks like a daemon session with a torn last line: recovery would cut it.
        let precious = #"{"session_id":"x","type":"session_start"}"# + "\nprecious data with no newline"
        try precious.write(toFile: outside, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/20260101-000000-python-web-link.jsonl", withDestinationPath: outside)
        #expect(mkfifo(folder + "/20260101-000000-python-web-fifo.jsonl", 0o600) == 0)

        let daemon = try await TestDaemon.start(folder: folder)
        #expect(try await daemon.send("GET", "/healthz").status == 200)
        await daemon.stop()
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == precious)
    }
}
