import Foundation

/// What one request adds to a session: its new lines and where the session then stands.
/// Applied only if the session still has `expectedSeq` lines, so two daemons (or two requests)
/// never both extend the same history.
public struct SessionWrite: Sendable {
    public var sessionID: String
    /// Lines the session had when the request began; the write fails if that changed.
    public var expectedSeq: Int
    /// New lines, JSON text without the newline.
    public var lines: [String]
    /// The input these lines answer, if the client named it.
    public var inputID: String?
    /// The reply to store for a resend of `inputID`, as JSON.
    public var reply: String?
    public var finished: Bool
    public var endReason: String?
    public var lastActivity: Date

    public init(
        sessionID: String, expectedSeq: Int, lines: [String], inputID: String?, reply: String?, finished: Bool, endReason: String?,
        lastActivity: Date
    ) {
        self.sessionID = sessionID
        self.expectedSeq = expectedSeq
        self.lines = lines
        self.inputID = inputID
        self.reply = reply
        self.finished = finished
        self.endReason = endReason
        self.lastActivity = lastActivity
    }
}
