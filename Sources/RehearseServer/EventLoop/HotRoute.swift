import HTTPTypes

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

    private static let sessions = "/v1/sessions"
    private static let input = "/input"

    /// The route `request` asks for, or `nil`.
    init?(_ request: HTTPRequest) {
        guard let path = request.path, path.utf8.starts(with: Self.sessions.utf8) else { return nil }
        let rest = path.utf8.dropFirst(Self.sessions.utf8.count)
        switch request.method {
        case .post where rest.isEmpty:
            self = .create
        case .post:
            guard rest.first == UInt8(ascii: "/"), rest.count > Self.input.utf8.count + 1,
                rest.suffix(Self.input.utf8.count).elementsEqual(Self.input.utf8)
            else { return nil }
            guard let id = Self.sessionID(rest.dropFirst().dropLast(Self.input.utf8.count)) else { return nil }
            self = .input(session: id)
        case .delete:
            guard rest.first == UInt8(ascii: "/"), let id = Self.sessionID(rest.dropFirst()) else { return nil }
            self = .end(session: id)
        default:
            return nil
        }
    }

    /// `bytes` as a session id: letters, digits, `-` and `_` only (ours are hex), so a query,
    /// an escape or another slash is left to the router.
    private static func sessionID(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        guard !bytes.isEmpty, bytes.count <= 128,
            bytes.allSatisfy({
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F
            })
        else { return nil }
        return String(Substring(bytes))
    }
}
