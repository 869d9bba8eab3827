import Foundation
import RehearseAPI
import Testing

@Suite("Every bad input gets its status and a message")
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: String
        let path: String
        let body: String?
        let status: Int
        let message: String
        var testDescription: String { "\(method) \(path) \(body?.prefix(30) ?? "") → \(status)" }
        /// The error code these cases answer with, by status.
        var code: ErrorCode {
            switch status {
            case 404: .routeNotFound
            case 405: .methodNotAllowed
            default: .badRequest
            }
        }
    }

    static let creation: [Case] = [
        Case(method: "POST", path: "/v1/sessions", body: "{not json", status: 400, message: "not valid JSON"),
        Case(method: "POST", path: "/v1/sessions", body: "[1, 2]", status: 400, message: "JSON object"),
        Case(method: "POST", path: "/v1/sessions", body: #"{"cont": 3}"#, status: 400, message: #"unknown field "cont" (did you mean "count"?)"#),
        Case(method: "POST", path: "/v1/sessions", body: #"{"count": "three"}"#, status: 400, message: #"field "count" must be a whole number from"#),
        Case(method: "POST", path: "/v1/sessions", body: #"{"count": 0}"#, status: 400, message: #"field "count" must be from 1 to 1000, got 0"#),
        Case(method: "POST", path: "/v1/sessions", body: #"{"follow_up": "yes"}"#, status: 400, message: #"field "follow_up" must be true or false"#),
        Case(method: "POST", path: "/v1/sessions", body: #"{"seed": -1}"#, status: 400, message: #"field "seed" must be a whole number from 0 to"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"difficulty": "expert"}"#, status: 400,
            message: #"unknown difficulty "expert" (expected easy, medium or hard)"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"topic": 5}"#, status: 400,
            message: #"field "topic" must be a string or a list of strings"#),
        Case(method: "POST", path: "/v1/sessions", body: #"{"time_limit": "soon"}"#, status: 400, message: #""soon" is not a duration"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"scenario": "python-webb"}"#, status: 400,
            message: #"unknown scenario "python-webb" (did you mean "python-web"?)"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"scenario": "flask-fundamentals", "topic": "django"}"#, status: 400,
            message: "widen the filters"),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"count": 1001}"#, status: 400, message: #"field "count" must be from 1 to 1000, got 1001"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"time_limit": 86401}"#, status: 400,
            message: #"field "time_limit" must be at most 86400 seconds"#),
        Case(
            method: "POST", path: "/v1/sessions", body: #"{"time_limit": "2000m"}"#, status: 400,
            message: #"field "time_limit" must be at most 86400 seconds"#),
        Case(method: "POST", path: "/v1/sessions//input", body: #"{"text": "x"}"#, status: 404, message: #"no route "/v1/sessions//input""#),
        Case(method: "GET", path: "/v1/nothing", body: nil, status: 404, message: #"no route "/v1/nothing""#),
        Case(method: "PUT", path: "/v1/sessions", body: "{}", status: 405, message: "PUT is not allowed"),
        Case(method: "GET", path: "/v1/sessions/0123/input", body: nil, status: 405, message: "use POST"),
    ]

    @Test("session creation and routing", arguments: creation)
    func creationErrors(_ test: Case) async throws {
        try await InProcessDaemon.with { daemon in
            let reply = try await daemon.send(test.method, test.path, body: test.body)
            #expect(reply.status == test.status)
            #expect(TestDaemon.error(reply.body).contains(test.message), "\(TestDaemon.error(reply.body))")
            #expect(try JSONDecoder().decode(ErrorBody.self, from: reply.body).code == test.code)
        }
    }

    @Test("answers: malformed, unknown field, wrong type, missing text, too large")
    func inputErrors() async throws {
        try await InProcessDaemon.with { try await Self.inputErrors($0) }
    }

    private static func inputErrors(_ daemon: InProcessDaemon) async throws {
        let (id, token, _) = try await daemon.create()
        let path = "/v1/sessions/\(id)/input"
        let cases: [(String, Int, String)] = [
            ("{\"text\": ", 400, "not valid JSON"),
            (#"{"txt": "hi"}"#, 400, #"unknown field "txt" (did you mean "text"?)"#),
            (#"{"text": 42}"#, 400, #"field "text" must be a string"#),
            (#"{"text": null}"#, 400, #"field "text" must be a string, not null"#),
            ("{}", 400, #"field "text" is required"#),
            ("", 400, "the body is empty"),
            (#"{"text": ""# + String(repeating: "a", count: 60_001) + #""}"#, 400, #"field "text" is 60001 characters; the most is 60000"#),
            (#"{"text": ""# + String(repeating: "a", count: 70_000) + #""}"#, 413, "over 64 KiB"),
        ]
        for (body, status, message) in cases {
            let reply = try await daemon.send("POST", path, body: body, token: token)
            #expect(reply.status == status, "\(body.prefix(40))")
            #expect(TestDaemon.error(reply.body).contains(message), "\(TestDaemon.error(reply.body))")
        }
        // None of them was recorded or moved the session on.
        let state = try await daemon.send("GET", "/v1/sessions/\(id)", token: token)
        let json = try #require(try JSONSerialization.jsonObject(with: state.body) as? [String: Any])
        #expect((json["question"] as? [String: Any])?["number"] as? Int == 1)
    }

    @Test("more than --max-sessions live sessions get 503 with Retry-After; an ended one frees its place")
    func full() async throws {
        try await InProcessDaemon.with(maxSessions: 2) { try await Self.full($0) }
    }

    private static func full(_ daemon: InProcessDaemon) async throws {
        let (first, token, _) = try await daemon.create()
        _ = try await daemon.create()
        let refused = try await daemon.send("POST", "/v1/sessions", body: "{}")
        #expect(refused.status == 503)
        #expect(Int(refused.headers["retry-after"] ?? "") ?? 0 >= 1)
        #expect(TestDaemon.error(refused.body).contains("maximum of 2 live sessions"))
        _ = try await daemon.send("DELETE", "/v1/sessions/\(first)", token: token)
        #expect(try await daemon.send("POST", "/v1/sessions", body: "{}").status == 201)
    }
}
