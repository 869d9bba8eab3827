import Foundation
import Hummingbird
import RehearseAPI

/// Everything the daemon refuses, each with its HTTP status and a message that says what was
/// wrong and how to fix it. The body is always an ``ErrorBody``: `{"error": "...", "code": "..."}`.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Malformed JSON, an unknown field, a wrong type or a bad value.
    case badRequest(String)
    /// No such session, or a wrong or missing token: the same answer, so ids cannot be probed.
    case sessionNotFound
    /// Session creation needs the daemon's `--auth-token`.
    case unauthorized
    /// The review routes need the daemon's `--review-token`.
    case reviewUnauthorized
    /// A reviewer named a session no store holds.
    case reviewSessionNotFound(String)
    /// A body over the limit.
    case tooLarge(limit: Int)
    /// The daemon holds `--max-sessions` live sessions.
    case full(limit: Int, retryAfter: Int)
    /// No such route.
    case routeNotFound(String)
    /// The route exists but not with this method.
    case methodNotAllowed(method: String, path: String, allowed: [String])
    /// Input for a session that has ended.
    case sessionEnded
    /// The transcript could not be written (or read), so the input is not acknowledged. The
    /// detail names paths and system errors: it goes to the daemon's log, never to a client.
    case storage(String)
    /// The session store cannot be reached or did not answer in time. Not acknowledged: a
    /// write cut off by the deadline may still commit, so clients resend with the same input
    /// id. The detail goes to the daemon's log, never to a client.
    case unavailable(String, retryAfter: Int)
    /// The session moved on under this request (another request or daemon wrote first); the
    /// store retries, so a client sees this only when that keeps happening.
    case stale
    /// The daemon cannot start (bad address, unsafe binding).
    case startup(String)

    /// A request body the API contract refuses.
    init(_ error: APIError) {
        switch error {
        case .badRequest(let message): self = .badRequest(message)
        }
    }

    /// The kind of error, for clients.
    public var code: ErrorCode {
        switch self {
        case .badRequest: .badRequest
        case .sessionNotFound, .reviewSessionNotFound: .sessionNotFound
        case .unauthorized, .reviewUnauthorized: .unauthorized
        case .tooLarge: .tooLarge
        case .full: .full
        case .routeNotFound: .routeNotFound
        case .methodNotAllowed: .methodNotAllowed
        case .sessionEnded: .sessionEnded
        case .storage: .storage
        case .unavailable, .stale: .unavailable
        case .startup: .internal
        }
    }

    /// The body the daemon answers with.
    public var body: ErrorBody { ErrorBody(error: description, code: code) }

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .sessionNotFound, .routeNotFound, .reviewSessionNotFound: .notFound
        case .unauthorized, .reviewUnauthorized: .unauthorized
        case .tooLarge: .contentTooLarge
        case .full, .unavailable, .stale: .serviceUnavailable
        case .methodNotAllowed: .methodNotAllowed
        case .sessionEnded: .conflict
        case .storage, .startup: .internalServerError
        }
    }

    public var description: String {
        switch self {
        case .badRequest(let message): message
        case .sessionNotFound:
            "no such session, or the token is wrong (send the token POST /v1/sessions returned as Authorization: Bearer <token>)"
        case .unauthorized: "this daemon needs its auth token to start a session (send Authorization: Bearer <auth token>)"
        case .reviewSessionNotFound(let id):
            "no session \"\(id.prefix(40))\" (GET /v1/review/sessions lists the sessions)"
        case .reviewUnauthorized:
            "the review routes need the daemon's review token (send Authorization: Bearer <review token>, as set by --review-token)"
        case .tooLarge(let limit): "the body is over \(limit / 1024) KiB (send a shorter answer)"
        case .full(let limit, let retry):
            "the daemon is holding its maximum of \(limit) live sessions (try again in \(retry) s)"
        case .routeNotFound(let path): "no route \"\(path)\" (the API is described in docs/api.yaml)"
        case .methodNotAllowed(let method, let path, let allowed):
            "\(method) is not allowed on \"\(path)\" (use \(allowed.joined(separator: " or ")))"
        case .sessionEnded: "the session has ended (start a new one with POST /v1/sessions)"
        case .storage: "the daemon could not save or read the transcript (its log says why); nothing was recorded, send it again"
        case .unavailable(_, let retry):
            "the session store did not answer; send it again in \(retry) s with the same input_id (an input already recorded is not recorded twice)"
        case .stale: "the session changed while this was handled; nothing was recorded (send it again)"
        case .startup(let message): message
        }
    }
}
