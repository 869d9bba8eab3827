/// Every route of the daemon, with its methods: what the server registers, what the client
/// calls, and what the test of docs/api.yaml compares with the document.
public enum APIRoute: String, Sendable, CaseIterable {
    case page = "/"
    case health = "/healthz"
    case scenarios = "/v1/scenarios"
    case sessions = "/v1/sessions"
    case session = "/v1/sessions/:id"
    case input = "/v1/sessions/:id/input"
    case transcript = "/v1/sessions/:id/transcript"
    /// The reviewers' page and routes, served only by a daemon with a review token.
    case reviewPage = "/review"
    case reviewSessions = "/v1/review/sessions"
    case reviewSession = "/v1/review/sessions/:id"
    case reviewGrades = "/v1/review/sessions/:id/grades"
    case reviewExport = "/v1/review/export.csv"

    /// The pattern as the router takes it (`:id` for the session id).
    public var pattern: String { rawValue }

    /// The methods the route answers.
    public var methods: [String] {
        switch self {
        case .page, .health, .scenarios, .transcript, .reviewPage, .reviewSessions, .reviewSession, .reviewExport: ["GET"]
        case .sessions, .input, .reviewGrades: ["POST"]
        case .session: ["GET", "DELETE"]
        }
    }

    /// The path of this route for session `id` (ids are hex, so they need no escaping).
    public func path(id: String = "") -> String {
        // Every reply to a new session names its path: no NSString, no substring searcher.
        let utf8 = rawValue.utf8
        var result = ""
        var copied = utf8.startIndex
        var index = utf8.startIndex
        while let colon = utf8[index...].firstIndex(of: UInt8(ascii: ":")) {
            if utf8[colon...].starts(with: ":id".utf8) {
                result += rawValue[copied..<colon] + id
                copied = utf8.index(colon, offsetBy: 3)
                index = copied
            } else {
                index = utf8.index(after: colon)
            }
        }
        return result + rawValue[copied...]
    }

    /// Whether the route belongs to the JSON API (the pages are not in docs/api.yaml).
    public var isDocumented: Bool { self != .page && self != .reviewPage }

    /// Whether the route is a reviewer's: there only when the daemon has a review token.
    public var isReview: Bool {
        switch self {
        case .reviewPage, .reviewSessions, .reviewSession, .reviewGrades, .reviewExport: true
        default: false
        }
    }
}
