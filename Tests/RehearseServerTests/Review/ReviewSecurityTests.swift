import Foundation
import RehearseAPI
import RehearseCore
import Testing

@testable import RehearseServer

/// Who may call the reviewers' routes, and what they refuse: tokens of the wrong kind, bad
/// grades, hostile names and notes.
@Suite("The reviewers' routes let only reviewers in and refuse bad input")
struct ReviewSecurityTests {
    @Test("without a review token the routes and the page are not there")
    func offByDefault() async throws {
        try await ReviewDaemon.with(.files, reviewToken: nil) { daemon, _ in
            for (method, path) in [
                ("GET", "/review"), ("GET", "/v1/review/sessions"), ("GET", "/v1/review/sessions/abc"),
                ("POST", "/v1/review/sessions/abc/grades"), ("GET", "/v1/review/export.csv"), ("DELETE", "/v1/review/sessions"),
            ] {
                let reply = try await daemon.review(method, path)
                #expect(reply.status == 404, "\(method) \(path)")
                #expect(TestDaemon.code(reply.body) == "route_not_found", "\(method) \(path)")
            }
        }
    }

    @Test("no token, a wrong token or a session's token get 401; the review token opens no session")
    func tokens() async throws {
        try await ReviewDaemon.with(.files) { daemon, _ in
            let (id, token, _) = try await daemon.create()
            let paths = [
                ("GET", "/v1/review/sessions"), ("GET", "/v1/review/sessions/\(id)"), ("GET", "/v1/review/export.csv"),
                ("POST", "/v1/review/sessions/\(id)/grades"),
            ]
            for (method, path) in paths {
                for given in [nil, "wrong-token-0123456789", token, ReviewDaemon.token + "x"] {
                    let reply = try await daemon.review(method, path, body: #"{"question_id": "x", "score": 1}"#, token: given)
                    #expect(reply.status == 401, "\(method) \(path) with \(given ?? "no token")")
                    #expect(TestDaemon.code(reply.body) == "unauthorized")
                    #expect(reply.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
                }
            }
            for (method, path) in [("GET", APIRoute.session.path(id: id)), ("GET", APIRoute.transcript.path(id: id))] {
                let reply = try await daemon.send(method, path, token: ReviewDaemon.token)
                #expect(reply.status == 404 && TestDaemon.code(reply.body) == "session_not_found")
            }
            #expect(try await daemon.send("POST", APIRoute.input.path(id: id), body: #"{"text": "hi"}"#, token: ReviewDaemon.token).status == 404)
            // The page holds no data, so it needs no token.
            let page = try await daemon.review("GET", "/review", token: nil)
            #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test("a link planted in the transcripts folder is not served to reviewers")
    func plantedLink() async throws {
        try await ReviewDaemon.with(.files) { daemon, _ in
            let (id, token, _) = try await daemon.create()
            try await daemon.answer("Views return responses.", id: id, token: token)
            let real = try #require(try FileManager.default.contentsOfDirectory(atPath: daemon.folder).first { $0.hasSuffix(".jsonl") })
            let outside = NSTemporaryDirectory() + "rehearse-outside-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: outside) }
            let copied = try String(contentsOfFile: daemon.folder + "/" + real, encoding: .utf8).replacingOccurrences(
                of: id, with: "abcdef0123456789abcdef0123456789")
            try copied.write(toFile: outside, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: daemon.folder + "/20200101-000000-python-web-abcdef01.jsonl", withDestinationPath: outside)
            let list = try JSONDecoder().decode(ReviewSessionList.self, from: try await daemon.review("GET", "/v1/review/sessions").body)
            #expect(list.sessions.map(\.id) == [id])
            let linked = try await daemon.review("GET", "/v1/review/sessions/abcdef0123456789abcdef0123456789")
            #expect(linked.status == 404 && TestDaemon.error(linked.body).contains("GET /v1/review/sessions lists"))
        }
    }

    @Test("bad grades, names and queries get 400 naming the field")
    func badInput() async throws {
        try await ReviewDaemon.with(.files) { daemon, _ in
            let (id, token, created) = try await daemon.create(#"{"seed": 7, "count": 2, "follow_up": false}"#)
            let first = try #require(created.session.question?.id)
            let unanswered = try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(first)", "score": 50}"#)
            #expect(unanswered.status == 400 && TestDaemon.error(unanswered.body).contains("was not answered"))
            try await daemon.answer("Views return responses.", id: id, token: token)
            let cases: [(String, String)] = [
                (#"{"question_id": "python.nope", "score": 50}"#, "did not ask \"python.nope\""),
                (#"{"question_id": "\#(first)", "score": 101}"#, "\"score\" must be a number from 0 to 100, got 101"),
                (#"{"question_id": "\#(first)", "score": "high"}"#, "\"score\" must be a number from 0 to 100"),
                (#"{"question_id": "\#(first)"}"#, "\"score\" is required"),
                (#"{"question_id": "\#(first)", "score": 50, "attempt": 2}"#, "has no answer to a follow-up"),
                (#"{"question_id": "\#(first)", "score": 50, "attempt": 3}"#, "\"attempt\" must be 1"),
                (#"{"question_id": "\#(first)", "score": 50, "grade": 1}"#, "unknown field \"grade\""),
                (
                    #"{"question_id": "\#(first)", "score": 50, "reviewer": "Eve\u001b[2J"}"#,
                    "\"reviewer\" holds the control or format character U+001B"
                ),
                (#"{"question_id": "\#(first)", "score": 50, "note": "a\u202Eb"}"#, "\"note\" holds a control or format character"),
                ("not json", "not valid JSON"),
            ]
            for (body, message) in cases {
                let reply = try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: body)
                #expect(reply.status == 400, "\(body)")
                #expect(TestDaemon.error(reply.body).contains(message), "\(body): \(TestDaemon.error(reply.body))")
            }
            let unknown = try await daemon.review("POST", "/v1/review/sessions/0123456789abcdef/grades", body: #"{"question_id": "q", "score": 5}"#)
            #expect(unknown.status == 404 && TestDaemon.code(unknown.body) == "session_not_found")
            #expect(try await daemon.review("GET", "/v1/review/sessions/../../etc").status == 404)
            for (query, message) in [
                ("status=done", "\"status\""), ("since=yesterday", "\"since\""), ("limit=0", "\"limit\""), ("limit=500", "\"limit\""),
                ("cursor=%%%", "\"cursor\""), ("candidat=x", "unknown query parameter \"candidat\""),
            ] {
                let reply = try await daemon.review("GET", "/v1/review/sessions?\(query)")
                #expect(reply.status == 400 && TestDaemon.error(reply.body).contains(message), "\(query): \(TestDaemon.error(reply.body))")
            }
            for name in ["", "   ", String(repeating: "a", count: 81), "Ana\u{0007}", "Ana\u{200B}Lima", "Ana\nLima"] {
                let body = String(decoding: try JSONEncoder().encode(["candidate": name]), as: UTF8.self)
                let reply = try await daemon.send("POST", APIRoute.sessions.path(), body: body)
                #expect(reply.status == 400 && TestDaemon.error(reply.body).contains("field \"candidate\""), "\(name.debugDescription)")
            }
        }
    }

    @Test("names and notes holding markup, escapes or formulas come back as text, and the CSV defuses formulas")
    func hostileText() async throws {
        try await ReviewDaemon.with(.files) { daemon, _ in
            let name = #"=HYPERLINK("http://x","<script>alert(1)</script>")"#
            let body = String(decoding: try JSONEncoder().encode(["candidate": name]), as: UTF8.self)
            let created = try await daemon.send("POST", APIRoute.sessions.path(), body: body)
            #expect(created.status == 201)
            let session = try JSONDecoder().decode(SessionCreated.self, from: created.body)
            let question = try #require(session.session.question?.id)
            try await daemon.answer("+1 the cache, -2 the ORM", id: session.id, token: session.token)
            let note = "@SUM(1+1)\n\"quoted\", <img src=x onerror=alert(1)>"
            let grade = String(
                decoding: try JSONEncoder().encode(GradeRequest(questionID: question, score: 60, note: note, reviewer: "-Mallory")), as: UTF8.self)
            #expect(try await daemon.review("POST", "/v1/review/sessions/\(session.id)/grades", body: grade).status == 201)

            let detail = try JSONDecoder().decode(
                ReviewSessionDetail.self, from: try await daemon.review("GET", "/v1/review/sessions/\(session.id)").body)
            #expect(detail.session.candidate == name)
            #expect(detail.questions.first?.attempts.first?.reviews.last?.note == note)

            let csv = String(decoding: try await daemon.review("GET", "/v1/review/export.csv").body, as: UTF8.self)
            let row = try #require(csv.components(separatedBy: "\r\n").dropFirst().first { !$0.isEmpty })
            #expect(row.hasPrefix(#""'=HYPERLINK(""http://x"",""<script>alert(1)</script>"")","#), "\(row)")
            #expect(csv.contains(#",'-Mallory,"'@SUM(1+1)"#), "\(csv)")
            #expect(csv.contains("\n\"\"quoted\"\", <img src=x onerror=alert(1)>\""), "a note's line break stays inside its quoted cell")
        }
    }
}
