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

    /// The pattern as the router takes it (`:id` for the session id).
    public var pattern: String { rawValue }

    /// The methods the route answers.
    public var methods: [String] {
        switch self {
        case .page, .health, .scenarios, .transcript: ["GET"]
        case .sessions, .input: ["POST"]
        case .session: ["GET", "DELETE"]
        }
    }

    /// The path of this route for session `id` (ids are hex, so they need no escaping).
    public func path(id: String = "") -> String {
        rawValue.replacingOccurrences(of: ":id", with: id)
    }

    /// Whether the route belongs to the JSON API (the chat page is not in docs/api.yaml).
    public var isDocumented: Bool { self != .page }
}
