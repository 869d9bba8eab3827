import Foundation
import RehearseAPI
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseServer

@Suite("Nothing acknowledged that was not saved, nothing recorded twice")
struct DurabilityTests {
    /// The answer lines of the daemon's only transcript in `folder`.
    static func answers(in folder: String) throws -> [TranscriptRecord] {
        let paths = TranscriptLibrary(folder: folder).paths()
        return try paths.flatMap { path in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap {
                try? JSONDecoder().decode(TranscriptRecord.self, from: Data($0.utf8))
            }.filter { $0.type == .answer }
        }
    }

    @Test("the same input sent twice at once is recorded once, and both get the same reply (50 trials)")
    func concurrentDuplicates() async throws {
        try await InProcessDaemon.with { daemon in
            for trial in 0..<50 {
                let (id, token, _) = try await daemon.create(#"{"seed": \#(trial), "count": 3, "follow_up": false}"#)
                let body = #"{"text": "It uses middleware and templates.", "input_id": "dup-\#(trial)"}"#
                async let first = daemon.send("POST", "/v1/sessions/\(id)/input", body: body, token: token)
                async let second = daemon.send("POST", "/v1/sessions/\(id)/input", body: body, token: token)
                let (a, b) = try await (first, second)
                #expect(a.status == 200 && b.status == 200)
                let replyA = try JSONDecoder().decode(SessionReply.self, from: a.body)
                let replyB = try JSONDecoder().decode(SessionReply.self, from: b.body)
                #expect(replyA.messages == replyB.messages)
                #expect(replyA.session.question?.number == 2 && replyB.session.question?.number == 2)
            }
            let answers = try Self.answers(in: daemon.folder)
            #expect(answers.count == 50)
            #expect(Set(answers.compactMap(\.inputID)).count == 50)
        }
    }

    @Test("any earlier input id is answered again, not recorded: live and after a restart")
    func olderIDs() async throws {
        let first = try await TestDaemon.start()
        let (id, token, _) = try await first.create(#"{"seed": 3, "count": 3, "follow_up": false}"#)
        let path = "/v1/sessions/\(id)/input"
        for (n, text) in ["Middleware wraps requests.", "Models map to tables."].enumerated() {
            #expect(try await first.send("POST", path, body: #"{"text": "\#(text)", "input_id": "in-\#(n)"}"#, token: token).status == 200)
        }
        let resent = try await first.send("POST", path, body: #"{"text": "Middleware wraps requests.", "input_id": "in-0"}"#, token: token)
        #expect(resent.status == 200)
        #expect(try JSONDecoder().decode(SessionReply.self, from: resent.body).session.question?.number == 3)
        #expect(try Self.answers(in: first.folder).count == 2)
        await first.stop()

        let second = try await TestDaemon.start(folder: first.folder)
        defer { Task { await second.stop() } }
        let late = try await second.send("POST", path, body: #"{"text": "Middleware wraps requests.", "input_id": "in-0"}"#, token: token)
        #expect(late.status == 200)
        let reply = try JSONDecoder().decode(SessionReply.self, from: late.body)
        #expect(reply.messages.first?.text?.contains("already recorded") == true)
        #expect(reply.session.question?.number == 3)
        #expect(try Self.answers(in: first.folder).count == 2)
    }

    @Test("on a full disk the answer gets a 500 naming no path, the session stays where its transcript is, and a resend works once there is room")
    func fullDisk() async throws {
        let (mounted, reason) = SmallDisk.mount()
        guard let disk = mounted else {
            print("skipped the full-disk daemon test: \(reason)")
            return
        }
        defer { disk.unmount() }
        let folder = disk.path + "/transcripts"
        try await InProcessDaemon.with(folder: folder) { daemon in
            let (id, token, _) = try await daemon.create(#"{"seed": 4, "count": 20, "follow_up": false}"#)
            let transcript = try #require(TranscriptLibrary(folder: folder).paths().first)
            disk.fill()
            let path = "/v1/sessions/\(id)/input"
            // The file's last page may still take a line or two; answer until the disk refuses.
            var accepted = 0
            var refusal: (body: String, lines: String, number: Int?)?
            for n in 0..<20 where refusal == nil {
                let lines = try String(contentsOfFile: transcript, encoding: .utf8)
                let number = try JSONDecoder().decode(
                    WireSessionState.self, from: try await daemon.send("GET", "/v1/sessions/\(id)", token: token).body
                )
                .question?.number
                let body = #"{"text": "Middleware wraps every request and response, answer \#(n).", "input_id": "full-\#(n)"}"#
                let reply = try await daemon.send("POST", path, body: body, token: token)
                if reply.status == 200 {
                    accepted += 1
                    continue
                }
                #expect(reply.status == 500)
                let error = try JSONDecoder().decode(ErrorBody.self, from: reply.body)
                #expect(error.code == .storage)
                #expect(!error.error.contains(folder) && !error.error.contains("/tmp"), "\(error.error)")
                refusal = (body, lines, number)
            }
            let refused = try #require(refusal, "the full disk never refused an answer")
            // Refused again while full; nothing moves.
            #expect(try await daemon.send("POST", path, body: refused.body, token: token).status == 500)
            let state = try JSONDecoder().decode(WireSessionState.self, from: try await daemon.send("GET", "/v1/sessions/\(id)", token: token).body)
            #expect(state.question?.number == refused.number)
            #expect(try String(contentsOfFile: transcript, encoding: .utf8) == refused.lines)

            disk.drain()
            let retried = try await daemon.send("POST", path, body: refused.body, token: token)
            #expect(retried.status == 200)
            let after = try JSONDecoder().decode(SessionReply.self, from: retried.body)
            #expect(after.session.question?.number == refused.number.map { $0 + 1 })
            #expect(try Self.answers(in: folder).count == accepted + 1)
            #expect(try TranscriptReader.read(transcript).warnings.isEmpty)
        }
    }
}
