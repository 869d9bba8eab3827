import HTTPTypes
import NIOHTTP1
import Testing

@testable import RehearseServer

/// The hot routes are read from the path's bytes exactly as they were read from its views.
@Suite struct HotRouteParseTests {
    /// The reading as it was first written.
    static func reference(_ method: HTTPRequest.Method, _ path: String) -> HotRoute? {
        let sessions = "/v1/sessions"
        let input = "/input"
        guard path.utf8.starts(with: sessions.utf8) else { return nil }
        let rest = path.utf8.dropFirst(sessions.utf8.count)
        func sessionID(_ bytes: Substring.UTF8View.SubSequence) -> String? {
            guard !bytes.isEmpty, bytes.count <= 128,
                bytes.allSatisfy({
                    (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F
                })
            else { return nil }
            return String(Substring(bytes))
        }
        switch method {
        case .post where rest.isEmpty: return .create
        case .post:
            guard rest.first == UInt8(ascii: "/"), rest.count > input.utf8.count + 1, rest.suffix(input.utf8.count).elementsEqual(input.utf8)
            else { return nil }
            return sessionID(rest.dropFirst().dropLast(input.utf8.count)).map { .input(session: $0) }
        case .delete:
            guard rest.first == UInt8(ascii: "/") else { return nil }
            return sessionID(rest.dropFirst()).map { .end(session: $0) }
        default: return nil
        }
    }

    @Test func everyPathIsReadAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["/v1/sessions", "/", "input", "/input", "ab12", "A-_z", "?x=1", "%20", "é", "/v1/session", String(repeating: "f", count: 130)]
        var paths = ["/v1/sessions", "/v1/sessions/", "/v1/sessions/abc/input", "/v1/sessions//input", "/v1/sessions/input", "/v1/sessionsx", ""]
        for _ in 0..<4_000 {
            paths.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for path in paths {
            for method in [HTTPRequest.Method.post, .delete, .get, .put] {
                let head = HTTPRequestHead(version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: method.rawValue), uri: path)
                #expect(HotRoute(head) == Self.reference(method, path), "\(method) \(path)")
            }
        }
    }
}
