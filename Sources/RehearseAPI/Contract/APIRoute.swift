import RehearseCore

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
        // Every reply to a new session names its path: by bytes, not through NSString.
        rawValue.replacingBytes(of: ":id", with: id)
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
