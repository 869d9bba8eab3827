import NIOHTTP1

/// The requests every interview makes — start a session, answer, end it — which ``HotRoutes``
/// answers on the connection's event loop. Anything else, including these routes written in an
/// unusual way, goes to the router, which answers it or says what is wrong.
enum HotRoute: Equatable {
    /// `POST /v1/sessions`
    case create
    /// `POST /v1/sessions/{id}/input`
    case input(session: String)
    /// `DELETE /v1/sessions/{id}`
    case end(session: String)

    private static let sessions: StaticString = "/v1/sessions"
    private static let input: StaticString = "/input"

    /// The route `head` asks for, or `nil`. Read from the request line's target as it came:
    /// a target in absolute form (`http://host/v1/sessions`) goes to the router.
    init?(_ head: HTTPRequestHead) {
        var target = head.uri
        guard let route = target.withUTF8({ Self.route(head.method, $0) }) else { return nil }
        self = route
    }

    /// The route of `method` on the path `bytes`: read in the bytes, as generic operations on
    /// the path's views showed in the daemon's profile.
    private static func route(_ method: HTTPMethod, _ bytes: UnsafeBufferPointer<UInt8>) -> HotRoute? {
        let sessions = UnsafeRawBufferPointer(start: Self.sessions.utf8Start, count: Self.sessions.utf8CodeUnitCount)
        let input = UnsafeRawBufferPointer(start: Self.input.utf8Start, count: Self.input.utf8CodeUnitCount)
        guard bytes.count >= sessions.count, bytes.prefix(sessions.count).elementsEqual(sessions) else { return nil }
        let rest = bytes[sessions.count...]
        switch method {
        case .POST where rest.isEmpty:
            return .create
        case .POST:
            guard rest.first == UInt8(ascii: "/"), rest.count > input.count + 1, rest.suffix(input.count).elementsEqual(input) else {
                return nil
            }
            return sessionID(rest.dropFirst().dropLast(input.count)).map { .input(session: $0) }
        case .DELETE:
            guard rest.first == UInt8(ascii: "/") else { return nil }
            return sessionID(rest.dropFirst()).map { .end(session: $0) }
        default:
            return nil
        }
    }

    /// `bytes` as a session id: letters, digits, `-` and `_` only (ours are hex), so a query,
    /// an escape or another slash is left to the router.
    private static func sessionID(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard !bytes.isEmpty, bytes.count <= 128,
            bytes.allSatisfy({
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F
            })
        else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }
}
