import Foundation
import Logging
import RehearseAPI
import RehearseCore

/// Where the daemon's sessions live. The HTTP routes talk only to this: the files store
/// (``SessionHub``, the default) keeps sessions in memory with a transcript file each; the
/// PostgreSQL store (``PostgresSessionStore``) keeps them in a database any daemon can serve
/// them from. One contract test suite runs against both.
public protocol SessionStore: Sendable {
    /// Starts a session and asks its first question; the reply carries the token, shown once.
    func start(_ request: CreateSessionRequest) async throws(ServerError) -> SessionCreated
    /// Handles an answer or a command. An `inputID` seen before gets that input's reply and is
    /// not recorded again. The reply comes with its JSON when the store encoded it already.
    func respond(to text: String, inputID: String?, session id: String, token: String?) async throws(ServerError) -> EncodedReply
    /// Where the session stands.
    func state(session id: String, token: String?) async throws(ServerError) -> WireSessionState
    /// The session's transcript, as its JSON Lines file holds it.
    func transcript(session id: String, token: String?) async throws(ServerError) -> Data
    /// Ends the session with its closing report.
    func end(session id: String, token: String?) async throws(ServerError) -> SessionReply
    /// Whether the store can be reached, and how many sessions are live.
    func health() async -> StoreHealth
    /// Ends sessions idle for longer than the timeout; returns how many this daemon ended.
    func reapIdle(logger: Logger) async -> Int
    /// Makes everything durable before the daemon exits.
    func closeAll() async
    /// Daemon sessions' transcripts read back, newest first, for reviewers. The store may apply
    /// `filter`, `cursor` and `limit` to read less; the caller applies them again.
    func reviewLogs(_ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?) async throws(ServerError) -> [SessionLog]
    /// The same sessions summarised (what the reviewers' list shows), which the files store
    /// reads from its folder's summary index instead of every transcript.
    func reviewSummaries(_ filter: ReviewFilter, after cursor: ReviewCursor?, limit: Int?) async throws(ServerError) -> [SessionSummary]
    /// Session `id`'s transcript read back, whoever holds it.
    func reviewLog(session id: String) async throws(ServerError) -> SessionLog
    /// Appends a reviewer's `review` line to session `id`'s transcript, live or ended, and
    /// returns once it is durable.
    func appendReview(_ record: TranscriptRecord, session id: String) async throws(ServerError)
    /// The reviewed answers of sessions reviewed at or after `since` (every one when `nil`),
    /// and the time to ask from next.
    func reviewedSamples(since: Date?) async throws(ServerError) -> (samples: [ReviewedSample], next: Date)
}

extension SessionStore {
    /// Handles an answer or a command, for callers that want the reply only.
    public func input(_ text: String, inputID: String?, session id: String, token: String?) async throws(ServerError) -> SessionReply {
        try await respond(to: text, inputID: inputID, session: id, token: token).reply
    }
}

/// A reply, and its JSON when a store had to encode it anyway (to keep it for resends): the
/// daemon then sends those bytes instead of encoding the reply a second time.
public struct EncodedReply: Sendable {
    public var reply: SessionReply
    /// `reply` as `JSONResponse` encodes it, or `nil`.
    public var json: Data?
}

/// What `GET /healthz` says of the store.
public struct StoreHealth: Sendable, Equatable {
    /// `files` or `postgres`.
    public var kind: String
    /// Whether requests can be served now.
    public var reachable: Bool
    /// Live sessions: this daemon's (files) or every daemon's (PostgreSQL).
    public var liveSessions: Int
}
