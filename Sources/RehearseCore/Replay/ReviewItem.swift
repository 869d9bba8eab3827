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

    /// Whole days past due at `now` (negative: days until due).
    public func overdueDays(at now: Date) -> Int {
        (now.timeIntervalSince(due) / 86_400).clampedInt(rounding: .down)
    }
}
