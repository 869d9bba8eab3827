import Foundation
import RehearseScoring

/// One question's place in the spaced-repetition schedule.
public struct ReviewItem: Sendable {
    /// The question id.
    public let questionID: String
    /// The final score of the latest attempt.
    public let lastScore: Double
    /// When it was last answered (or skipped).
    public let lastSeen: Date
    /// When it is next due.
    public let due: Date
    /// Days between the last attempt and `due`.
    public let intervalDays: Double
    /// SM-2's easiness factor (1.3 and up).
    public let easiness: Double
    /// Attempts so far.
    public let attempts: Int

    /// Whether the latest attempt scored below SM-2's grade 3 (under 50): not learnt yet.
    public var lapsed: Bool { ReviewSchedule.grade(lastScore) < 3 }

    /// Why it is due when it is: "scored 3 — due now", "scored 85 — due in 4 days".
    public func reason(at now: Date) -> String {
        let scored = "scored \(DisplayFormat.score(lastScore))"
        let days = overdueDays(at: now)
        if days > 0 { return "\(scored) — overdue \(days) day\(days == 1 ? "" : "s")" }
        if due <= now { return "\(scored) — due now" }
        let ahead = (due.timeIntervalSince(now) / 86_400).rounded(.up).clampedInt(in: 1...Int(ReviewSchedule.maximumInterval))
        return "\(scored) — due in \(ahead) day\(ahead == 1 ? "" : "s")"
    }

    /// Whole days past due at `now` (negative: days until due).
    public func overdueDays(at now: Date) -> Int {
        (now.timeIntervalSince(due) / 86_400).clampedInt(rounding: .down)
    }
}
