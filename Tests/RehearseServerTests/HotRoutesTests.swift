import Foundation
import Synchronization
import Testing

@testable import RehearseServer

/// The three routes answered on the event loop (HotRoutes) must answer exactly as the router
/// does, keep replies in order, and leave connection handling as it was.
@Suite("Routes answered on the event loop")
struct HotRoutesTests {
    /// A raw request that starts a two-question session, answered on the event loop.
    static let create = "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n{\"count\": 2}"

    /// Ids and tokens that are the same in every daemon started with them.
    static func counted() -> SessionIdentities {
        let ids = Atomic(0)
        let tokens = Atomic(0)
        return SessionIdentities(
            // Transcript names hold an id's first eight characters: they differ.
            makeID: { String(format: "%08x", 0xabc000 + ids.add(1, ordering: .relaxed).newValue) + String(repeating: "0", count: 24) },
            makeToken: { "token-\(tokens.add(1, ordering: .relaxed).newValue)-abcdefghijklmnopqrstuvwxyz0123456789" })
    }

    /// Times, durations and file names (which hold the start time) differ between two runs.
    static func normalised(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for (pattern, replacement) in [
            (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, "TIME"), (#"\d{8}-\d{6}-"#, "DATE-"),
            (#""(duration_seconds|seconds|seconds_left|elapsed_seconds)":[0-9.]+"#, #""$1":N"#),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// One request of the script, and what came back, with the headers that must match.
    static func exchange(_ daemon: TestDaemon, _ method: String, _ path: String, _ body: String?, _ token: String?) async throws -> String {
        let reply = try await daemon.send(method, path, body: body, token: token)
        let headers = ["content-type", "cache-control", "location", "retry-after", "allow", "www-authenticate"].compactMap { name in
            reply.headers[name].map { "\(name): \($0)" }
        }
        #expect(reply.headers["x-request-id"].map { !$0.isEmpty && $0.allSatisfy(\.isHexDigit) } == true, "\(method) \(path)")
        #expect(reply.headers["server"] == "rehearse")
        #expect(reply.headers["date"]?.hasSuffix(" GMT") == true)
        return "\(method) \(path) -> \(reply.status) \(headers.joined(separator: "; "))\n\(normalised(reply.body))"
    }

    /// A session with follow-ups, resends, wrong tokens, bad bodies, an end and what follows
    /// it, run the same way against `daemon`.
    static func script(_ daemon: TestDaemon) async throws -> [String] {
        var out: [String] = []
        func run(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil) async throws {
            out.append(try await exchange(daemon, method, path, body, token))
        }
        try await run("POST", "/v1/sessions", #"{"seed": 7, "count": 2, "follow_up": true}"#)
        let id = String(format: "%08x", 0xabc001) + String(repeating: "0", count: 24)
        let token = "token-1-abcdefghijklmnopqrstuvwxyz0123456789"
        let input = "/v1/sessions/\(id)/input"
        try await run("POST", input, #"{"text": "Django checks a CSRF token on POST forms.", "input_id": "a1"}"#, token: token)
        try await run("POST", input, #"{"text": "Django checks a CSRF token on POST forms.", "input_id": "a1"}"#, token: token)
        try await run("POST", input, #"{"text": "hello", "input_id": "a2"}"#, token: "wrong-token")
        try await run("POST", "/v1/sessions/\(String(repeating: "f", count: 32))/input", #"{"text": "hello"}"#, token: token)
        try await run("POST", input, #"{"text": 5}"#, token: token)
        try await run("POST", input, #"{"input_id": "a3", "text": "The token is compared with the cookie's."}"#, token: token)
        try await run("POST", input, "{\"text\": \"\(String(repeating: "x", count: 70_000))\"}", token: token)
        try await run("POST", input, #"{"text": "/help"}"#, token: token)
        try await run("GET", "/v1/sessions/\(id)", token: token)
        try await run("POST", input, #"{"text": "/skip", "input_id": "a4"}"#, token: token)
        try await run("DELETE", "/v1/sessions/\(id)", token: token)
        try await run("POST", input, #"{"text": "late", "input_id": "a5"}"#, token: token)
        try await run("DELETE", "/v1/sessions/\(id)", token: token)
        try await run("DELETE", "/v1/sessions/\(id)/", token: token)
        try await run("POST", "/v1/sessions", #"{"scenario": "nope"}"#)
        try await run("POST", "/v1/sessions?count=2", #"{"count": 2, "seed": 3}"#)
        try await run("POST", "/v1/sessions", #"{"count": 2, "seed": 3, "quiz": true}"#)
        try await run("POST", "/v1/sessions", #"{"topic": ["flask"], "seed": 5}"#)
        try await run("GET", "/v1/sessions/\(id)/transcript", token: token)
        return out
    }

    @Test("a session through the event loop's routes gets the router's replies, byte for byte, and the same transcript")
    func sameAsRouter() async throws {
        let hot = try await TestDaemon.start(identities: Self.counted())
        let viaHot = try await Self.script(hot)
        await hot.stop()
        // Three creates (one refused for its scenario), three answers and two ends; resends,
        // wrong tokens and ids, bodies the quick reader does not take, a query, a trailing
        // slash, an oversized body and answers to an ended session went to the router.
        #expect(hot.hotRoutes.count == 9)
        let routed = try await TestDaemon.start(identities: Self.counted(), hotRoutes: false)
        let viaRouter = try await Self.script(routed)
        await routed.stop()
        #expect(routed.hotRoutes.count == 0)
        #expect(viaHot.count == viaRouter.count)
        for (hot, router) in zip(viaHot, viaRouter) {
            #expect(hot == router)
        }
    }

    @Test("pipelined requests, answered here and by the router in turn, come back in order")
    func pipelined() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let port = try #require(URL(string: daemon.url)?.port)
        let connection = try RawConnection(port: port)
        let create = Self.create
        let health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        // The first is answered here; the health checks by the router, with the creations
        // after them while the router's answer is open, or here once it is out.
        connection.send(create + health + create + health + create)
        let replies = try await blocking { connection.replies(5) }
        #expect(replies.map(\.status) == [201, 200, 201, 200, 201])
        #expect(replies[1].body.contains("\"status\":\"ok\"") && replies[3].body.contains("\"status\":\"ok\""))
        #expect([0, 2, 4].allSatisfy { replies[$0].body.contains("\"token\"") })
        #expect((1...3).contains(daemon.hotRoutes.count))
        let requestIDs = replies.compactMap { $0.headers["x-request-id"] }
        #expect(Set(requestIDs).count == 5)

        // Three answers of one session at once: each waits for the one before it.
        let created = try JSONSerialization.jsonObject(with: Data(replies[4].body.utf8)) as? [String: Any]
        let id = try #require(created?["id"] as? String)
        let token = try #require(created?["token"] as? String)
        let answers = (1...3).map { number in
            let body = "{\"text\": \"answer \(number)\", \"input_id\": \"p\(number)\"}"
            return "POST /v1/sessions/\(id)/input HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        }
        let before = daemon.hotRoutes.count
        connection.send(answers.joined())
        let answered = try await blocking { connection.replies(3) }
        #expect(answered.map(\.status) == [200, 200, 200])
        // Each waited for the one before, then was answered here.
        #expect(daemon.hotRoutes.count - before == 3)
        let transcript = try await daemon.send("GET", "/v1/sessions/\(id)/transcript", token: token)
        let inputs = String(decoding: transcript.body, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return record["input_id"] as? String
        }
        #expect(inputs.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == ["p1", "p2", "p3"])
    }

    @Test("answers on new connections reach their session on whichever event loop it runs, without the router")
    func otherLoops() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let (id, token, _) = try await daemon.create(#"{"seed": 7, "count": 6, "follow_up": false}"#)
        let port = try #require(URL(string: daemon.url)?.port)
        let before = daemon.hotRoutes.count
        // New connections go to the event loops in turn, so with more than one core some of
        // these land on a loop other than the session's.
        for number in 1...4 {
            let connection = try RawConnection(port: port)
            let body = "{\"text\": \"answer \(number)\", \"input_id\": \"n\(number)\"}"
            connection.send(
                "POST /v1/sessions/\(id)/input HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let reply = try #require(try await blocking { connection.replies(1) }.first)
            #expect(reply.status == 200)
            #expect(reply.body.contains("\"number\":\(number + 1)"), "\(reply.body)")
        }
        #expect(daemon.hotRoutes.count - before == 4)
    }

    @Test("requests answered here keep a connection from counting as idle, and Connection: close closes it after the reply")
    func connectionHandling() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(1), requestTimeout: .seconds(5), maxConnections: 40)
        let daemon = try await TestDaemon.start(connections: limits)
        defer { Task { await daemon.stop() } }
        let port = try #require(URL(string: daemon.url)?.port)
        let connection = try RawConnection(port: port)
        let create = Self.create
        let statuses = try await blocking {
            (0..<12).map { _ -> Int in
                usleep(200_000)
                guard connection.send(create) else { return 0 }
                return connection.replies(1).first?.status ?? 0
            }
        }
        #expect(statuses == Array(repeating: 201, count: 12))

        let closing = try RawConnection(port: port)
        closing.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 12\r\n\r\n{\"count\": 2}")
        #expect(try await blocking { closing.replies(1).first?.status } == 201)
        #expect(try await blocking { closing.closedByPeer(within: 2) })

        // A client that closes its side after sending still gets its reply.
        let halfClosed = try RawConnection(port: port)
        halfClosed.send(create)
        halfClosed.finishSending()
        #expect(try await blocking { halfClosed.replies(1).first?.status } == 201)
    }

    @Test("when the daemon stops, its idle connections close, whether their last reply came from here or the router")
    func stopping() async throws {
        let daemon = try await TestDaemon.start()
        let port = try #require(URL(string: daemon.url)?.port)
        let answeredHere = try RawConnection(port: port)
        answeredHere.send(Self.create)
        #expect(try await blocking { answeredHere.replies(1).first?.status } == 201)
        let answeredByRouter = try RawConnection(port: port)
        #expect(answeredByRouter.get("/healthz") == 200)
        #expect(daemon.hotRoutes.count == 1)
        await daemon.stop()
        #expect(try await blocking { answeredHere.closedByPeer(within: 5) })
        #expect(try await blocking { answeredByRouter.closedByPeer(within: 5) })
    }

    @Test("after replies from here, the router's replies on the connection are framed for their own requests (HEAD has no body)")
    func framingAfterHotReplies() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let port = try #require(URL(string: daemon.url)?.port)
        let connection = try RawConnection(port: port)
        let create = Self.create
        for _ in 0..<3 {
            connection.send(create)
            #expect(try await blocking { connection.replies(1).first?.status } == 201)
        }
        #expect(daemon.hotRoutes.count == 3)
        connection.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try await blocking { connection.headOnly() }
        // The router allows only GET there; what matters is that no body follows the head.
        #expect(head.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"), "\(head)")
        #expect(head.hasSuffix("\r\n\r\n") && head.components(separatedBy: "HTTP/1.1").count == 2, "a HEAD reply carries no body: \(head)")
        let get = try await blocking { connection.get("/healthz") }
        #expect(get == 200)
    }

    @Test("a malformed chunked body on one of these routes gets the router's answer")
    func malformedChunks() async throws {
        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        let port = try #require(URL(string: daemon.url)?.port)
        let connection = try RawConnection(port: port)
        connection.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"c\r\nzz\r\n")
        let reply = try #require(try await blocking { connection.replies(1) }.first)
        #expect(reply.status == 400)
        #expect(reply.body.contains("chunked encoding is malformed"), "\(reply.body)")
        #expect(daemon.hotRoutes.count == 0)
    }

    @Test("with an auth token, creating a session here needs it as the router does")
    func authToken() async throws {
        let secret = "s3cret-token-of-32-characters-ok"
        let daemon = try await TestDaemon.start(authToken: secret)
        defer { Task { await daemon.stop() } }
        #expect(try await daemon.send("POST", "/v1/sessions", body: #"{"count": 2}"#).status == 401)
        #expect(try await daemon.send("POST", "/v1/sessions", body: #"{"count": 2}"#, token: "not-the-token-at-all-but-long").status == 401)
        #expect(daemon.hotRoutes.count == 0)
        #expect(try await daemon.send("POST", "/v1/sessions", body: #"{"count": 2}"#, token: secret).status == 201)
        #expect(daemon.hotRoutes.count == 1)
    }
}
