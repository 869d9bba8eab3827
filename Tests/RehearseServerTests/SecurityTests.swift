import Foundation
import Logging
import Testing

@testable import RehearseServer

@Suite("Tokens, the auth token and where the daemon listens")
struct SecurityTests {
    @Test("a wrong or missing token gets the same 404 as an unknown session")
    func tokens() async throws {
        try await InProcessDaemon.with { try await Self.tokens($0) }
    }

    private static func tokens(_ daemon: InProcessDaemon) async throws {
        let (id, token, _) = try await daemon.create()
        #expect(token.count >= 22, "at least 128 bits of base64url")
        let unknown = try await daemon.send("GET", "/v1/sessions/ffffffffffffffffffffffffffffffff", token: token)
        for (path, method, tried) in [
            ("/v1/sessions/\(id)", "GET", nil), ("/v1/sessions/\(id)", "GET", "wrong"),
            ("/v1/sessions/\(id)/transcript", "GET", String(token.dropLast())),
            ("/v1/sessions/\(id)", "DELETE", nil),
        ] as [(String, String, String?)] {
            let reply = try await daemon.send(method, path, token: tried)
            #expect(reply.status == 404)
            #expect(reply.body == unknown.body)
        }
        #expect(try await daemon.send("GET", "/v1/sessions/\(id)", token: token).status == 200)
    }

    @Test("tokens and ids differ every time and only the token's hash is kept")
    func unguessable() {
        let tokens = Set((0..<200).map { _ in SessionToken.make() })
        #expect(tokens.count == 200)
        #expect(tokens.allSatisfy { $0.count == 43 })
        let token = SessionToken.make()
        #expect(SessionToken.matches(token, hash: SessionToken.hash(token)))
        #expect(!SessionToken.matches(token + "x", hash: SessionToken.hash(token)))
        #expect(SessionToken.bearer("Bearer abc") == "abc" && SessionToken.bearer("Basic abc") == nil && SessionToken.bearer(nil) == nil)
        let ids = (0..<200).map { _ in SessionToken.makeID() }
        #expect(Set(ids).count == 200)
        #expect(ids.allSatisfy { $0.count == 32 })
        // The last six characters of 200 draws (24 bits or more) almost never repeat, so a
        // byte left undrawn at the end would show.
        #expect(Set(ids.map { $0.suffix(6) }).count > 190)
        #expect(Set(tokens.map { $0.suffix(6) }).count > 190)
    }

    @Test("a session remembers the last token that matched, and still refuses every other")
    func verifiedToken() {
        let token = SessionToken.make()
        let check = VerifiedToken(hash: SessionToken.hash(token))
        #expect(!check.accepts(token + "x") && !check.accepts(""))
        #expect(check.accepts(token) && check.accepts(String(decoding: Array(token.utf8), as: UTF8.self)))
        // Once one has matched: near misses of the same length and other lengths.
        var changed = Array(token.utf8)
        changed[changed.count - 1] ^= 1
        for other in [String(decoding: changed, as: UTF8.self), String(token.dropLast()), token + "x", "", SessionToken.make()] {
            #expect(!check.accepts(other), "\(other)")
        }
        #expect(check.accepts(token))
    }

    @Test(
        "the bearer token is what follows the scheme, in any case, without surrounding blanks",
        arguments: [
            ("Bearer abc", "abc"), ("bearer abc", "abc"), ("BEARER\u{20}abc", "abc"), ("Bearer   abc \t", "abc"), ("Bearer a b", "a b"),
            ("Bearer ", nil), ("Bearer \t  ", nil), ("Bearerabc", nil), ("Bearer", nil), ("Basic abc", nil), ("Bearer\u{0}abc", nil),
            ("Bearer\tabc", nil), ("Bearer é", "é"), ("Bearer abc\u{A0}", "abc"), ("Bearer \u{3000}abc", "abc"),
        ] as [(String, String?)])
    func bearer(header: String, token: String?) {
        #expect(SessionToken.bearer(header) == token)
    }

    @Test("tokens are base64url without padding, as Foundation's base64 with the URL alphabet")
    func base64URL() {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<70 {
            let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let expected = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(SessionToken.base64URL(bytes) == expected, "\(bytes)")
        }
    }

    @Test("with --auth-token, starting a session needs it (401 without)")
    func authToken() async throws {
        try await InProcessDaemon.with(authToken: "correct-horse-battery-staple") { try await Self.authToken($0) }
    }

    private static func authToken(_ daemon: InProcessDaemon) async throws {
        #expect(try await daemon.send("POST", "/v1/sessions", body: "{}").status == 401)
        #expect(try await daemon.send("POST", "/v1/sessions", body: "{}", token: "wrong-token-wrong-token").status == 401)
        #expect(try await daemon.send("POST", "/v1/sessions", body: "{}", token: "correct-horse-battery-staple").status == 201)
    }

    @Test("a non-loopback address is refused without an auth token")
    func loopbackOnly() async throws {
        let daemon = Daemon(
            host: "0.0.0.0", port: 0, authToken: nil,
            settings: HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: NSTemporaryDirectory()),
            logger: Logger.quiet)
        await #expect(throws: ServerError.self) { try await daemon.run { _ in } }
        #expect(Daemon.isLoopback("127.0.0.1") && Daemon.isLoopback("::1") && !Daemon.isLoopback("0.0.0.0"))
    }
}

@Suite("One daemon per transcripts folder")
struct FolderLockTests {
    @Test("a second daemon on a folder in use refuses to start, before touching its sessions")
    func secondDaemonRefuses() async throws {
        let first = try await TestDaemon.start()
        defer { Task { await first.stop() } }
        let second = Daemon(
            host: "127.0.0.1", port: 0, authToken: nil,
            settings: HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: first.folder), logger: Logger.quiet)
        await #expect(throws: ServerError.self) { try await second.run { _ in } }
    }
}
