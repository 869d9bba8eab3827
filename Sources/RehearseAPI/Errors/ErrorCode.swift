/// The kind of every error the daemon answers, in `ErrorBody.code`, so a client can act on it
/// without reading the message.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    case badRequest = "bad_request"
    /// No such session, or a wrong or missing token (the same answer, so ids cannot be probed).
    case sessionNotFound = "session_not_found"
    /// Session creation needs the daemon's auth token.
    case unauthorized
    case tooLarge = "too_large"
    /// The daemon holds its maximum of live sessions; `Retry-After` says when to try again.
    case full
    case routeNotFound = "route_not_found"
    case methodNotAllowed = "method_not_allowed"
    /// Input for a session that has ended.
    case sessionEnded = "session_ended"
    /// The transcript could not be written; the input was not recorded.
    case storage
    /// The session store (PostgreSQL) cannot be reached or is restarting; nothing was recorded,
    /// and `Retry-After` says when to send it again.
    case unavailable
    /// Anything else the daemon failed at.
    case `internal`

    /// A code from a newer daemon decodes as `internal` rather than failing the whole reply.
    public init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .internal
    }
}
