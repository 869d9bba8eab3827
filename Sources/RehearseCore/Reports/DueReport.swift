import Foundation

/// The review schedule at one moment: what is due, most overdue and weakest first, then the
/// rest by due date.
public struct DueReport: JSONReport, Sendable {
    /// The items due at ``now``, most overdue and weakest first.
    public let due: [ReviewItem]
    /// The items not yet due, soonest first.
    public let upcoming: [ReviewItem]
    /// The moment the schedule was read at.
    public let now: Date

    /// The schedule of every question answered in `sessions`, as of `now`.
    public init(sessions: [SessionLog], now: Date = Date()) {
        let items = ReviewSchedule.items(from: sessions)
        due = ReviewSchedule.due(items, at: now)
        upcoming = items.filter { $0.due > now }.sorted { $0.due < $1.due }
        self.now = now
    }

    /// Due items, then upcoming ones.
    public var items: [ReviewItem] { due + upcoming }

    /// A JSON array of `{question_id, last_score, attempts, due, due_now, reason}`, due items first.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for item in items {
            var entry = list.nestedContainer(keyedBy: Key.self)
            try entry.encode(item.questionID, forKey: .questionID)
            try entry.encode(item.lastScore, forKey: .lastScore)
            try entry.encode(item.attempts, forKey: .attempts)
            try entry.encode(TranscriptRecord.timestamp(item.due), forKey: .due)
            try entry.encode(item.due <= now, forKey: .dueNow)
            try entry.encode(item.reason(at: now), forKey: .reason)
        }
    }

    enum Key: String, CodingKey {
        case attempts, due, reason
        case questionID = "question_id"
        case lastScore = "last_score"
        case dueNow = "due_now"
    }
}
