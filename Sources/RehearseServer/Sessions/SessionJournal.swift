import Foundation
import RehearseCore

/// Where a live session's lines go, and how a request's lines are made durable before its
/// reply: the transcript file and the daemon's group-commit journal (the files store) or one
/// conditional statement (PostgreSQL).
/// Owned by its session's actor; what crosses to other threads is the ``JournalCommitment``.
protocol SessionJournal: TranscriptSink {
    /// The id of the input being handled, written on the lines it causes.
    var inputID: String? { get set }
    /// Set when a rebuilt session's engine said something other than the stored lines.
    var divergence: String? { get }
    /// Whether every stored line has been said again.
    var caughtUp: Bool { get }
    /// Every input id already stored, so a resend of any of them is recognised.
    var recordedInputIDs: [String] { get }
    /// Whether the store keeps each input's reply for resends (then it is encoded for it).
    var keepsReplies: Bool { get }
    /// The transcript's file name, as clients are told it.
    var fileName: String { get }
    /// What makes the lines written since the last commit durable; `turn` says where the
    /// session then stands (`nil`: only flush, at shutdown or after a rebuild).
    func commitment(_ turn: JournalTurn?) -> any JournalCommitment
    /// The commitment succeeded.
    func committed()
    /// The commitment failed with `error`: lines it carried are dropped, unless the store
    /// cannot tell whether they were kept.
    func abandoned(after error: any Error)
    /// The session has written its last line.
    func finishWriting()
    /// How to fetch the stored reply of an input recorded before this daemon held the session,
    /// or `nil` when the store keeps none.
    func storedReply(for inputID: String) -> (@Sendable () async throws -> Data?)?
}

/// Makes one request's lines durable; runs away from the session's actor.
protocol JournalCommitment: Sendable {
    func commit() async throws
    /// Makes the lines durable and then calls `done`, on any thread: for the routes answered
    /// on an event loop, which must not wait.
    func commit(then done: @escaping @Sendable (Result<Void, any Error>) -> Void)
}

extension JournalCommitment {
    /// For stores with no way to call back: the async commit, in a task of its own.
    func commit(then done: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        Task {
            do {
                try await commit()
                done(.success(()))
            } catch {
                done(.failure(error))
            }
        }
    }
}

/// What a request did to its session, for a store that keeps more than lines.
struct JournalTurn: Sendable {
    var inputID: String?
    /// The reply as JSON, kept for a resend of `inputID`.
    var reply: Data?
    var finished: Bool
    var endReason: String?
    var lastActivity: Date
}
