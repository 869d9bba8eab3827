import Foundation
import RehearseClient
import RehearseCore
import Testing

@Suite("A whole session over HTTP")
struct DaemonSessionTests {
    @Test("create, answer every question, get the closing report and a complete transcript")
    func wholeSession() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let client = daemon.client
        let (opening, replies, id, token) = try await blocking {
            let session = try RemoteSession(client: client, options: .init(count: 3, seed: 11, followUp: false))
            let opening = session.start()
            var replies: [[SessionMessage]] = []
            while !session.isFinished, replies.count < 10 {
                replies.append(session.handle("It uses middleware, a token, models, views, routes and dependency injection."))
            }
            return (opening, replies, session.id, Self.tokenOf(session))
        }
        #expect(opening.contains { if case .greeting = $0 { true } else { false } })
        guard case .question(let first)? = opening.last else {
            Issue.record("no first question")
            return
        }
        #expect(first.number == 1 && first.total == 3)
        #expect(first.question.answer.isEmpty, "the reference answer must not be sent with the question")
        #expect(replies.count == 3)
        let feedback = replies.flatMap { $0 }.compactMap { message -> Double? in
            if case .feedback(_, let final, _, _, _) = message { return final } else { return nil }
        }
        #expect(feedback.count == 3)
        guard case .closing(_, let report)? = replies.last?.last else {
            Issue.record("no closing report")
            return
        }
        #expect(report.results.count == 3)
        #expect(report.results.allSatisfy { !$0.question.answer.isEmpty }, "the closing report carries the reference answers")

        let transcript = try await blocking { try client.raw("GET", "v1/sessions/\(id)/transcript", token: token) }
        let records = try String(decoding: transcript, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(TranscriptRecord.self, from: Data($0.utf8))
        }
        #expect(records.first?.type == .sessionStart)
        #expect(records.first?.sessionID == id)
        #expect(records.first?.tokenHash?.count == 64)
        #expect(records.filter { $0.type == TranscriptRecord.Kind.answer }.count == 3)
        #expect(records.filter { $0.type == TranscriptRecord.Kind.score }.count == 3)
        #expect(records.last?.type == .sessionEnd && records.last?.reason == "completed")
        // Same folder layout as local sessions: one file per session, read by the same library.
        let logs = TranscriptLibrary(folder: daemon.folder).sessions().sessions
        #expect(logs.count == 1 && logs[0].answered == 3)
    }

    @Test("GET shows the state, DELETE ends the session with the report, and the id then refuses input with 409")
    func stateAndDelete() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let (id, token, created) = try await daemon.create()
        #expect((created["session"] as? [String: Any])?["status"] as? String == "answering")
        let state = try await daemon.send("GET", "/v1/sessions/\(id)", token: token)
        let json = try #require(try JSONSerialization.jsonObject(with: state.body) as? [String: Any])
        #expect(state.status == 200 && json["status"] as? String == "answering" && json["total"] as? Int == 2)

        let deleted = try await daemon.send("DELETE", "/v1/sessions/\(id)", token: token)
        let reply = try #require(try JSONSerialization.jsonObject(with: deleted.body) as? [String: Any])
        let messages = try #require(reply["messages"] as? [[String: Any]])
        #expect(deleted.status == 200 && messages.last?["type"] as? String == "closing")
        #expect((messages.last?["closing"] as? [String: Any])?["band"] as? String == "weak", "nothing answered: the configured bands say weak")
        #expect((reply["session"] as? [String: Any])?["end_reason"] as? String == "deleted")

        let late = try await daemon.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "hello"}"#, token: token)
        #expect(late.status == 409)
        #expect(TestDaemon.error(late.body).contains("has ended"))
    }

    @Test("slash commands work as at the REPL: /hint caps the score, /skip moves on")
    func slashCommands() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let client = daemon.client
        let (hint, skip) = try await blocking {
            let session = try RemoteSession(client: client, options: .init(count: 2, seed: 3))
            _ = session.start()
            return (session.handle("/hint"), session.handle("/skip"))
        }
        #expect(hint.contains { if case .hint(1, _, _, 80) = $0 { true } else { false } })
        #expect(skip.contains { if case .question(let asked) = $0 { asked.number == 2 } else { false } })
    }

    /// Tokens are not exposed by `RemoteSession`; tests read it back through reflection.
    private static func tokenOf(_ session: RemoteSession) -> String {
        Mirror(reflecting: session).children.first { $0.label == "token" }?.value as? String ?? ""
    }
}
