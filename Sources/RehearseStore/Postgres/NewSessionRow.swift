import Foundation

/// The row of a session being started (or imported).
public struct NewSessionRow: Sendable {
    public var id: String
    public var tokenHash: String?
    public var scenario: String
    public var fileName: String
    public var finished: Bool
    public var endReason: String?
    public var startedAt: Date
    public var lastActivity: Date
    /// The candidate's display name, for reviewers' filters.
    public var candidate: String?

    public init(
        id: String, tokenHash: String?, scenario: String, fileName: String, finished: Bool, endReason: String?, startedAt: Date,
        lastActivity: Date, candidate: String? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.scenario = scenario
        self.fileName = fileName
        self.finished = finished
        self.endReason = endReason
        self.startedAt = startedAt
        self.lastActivity = lastActivity
        self.candidate = candidate
    }
}
