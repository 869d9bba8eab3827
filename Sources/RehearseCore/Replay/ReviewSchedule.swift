import Foundation
import RehearseScoring

/// SM-2 spaced repetition over the transcript history. The grade comes from the score — no
/// self-grading: 0–100 maps to SM-2's 0–5 (`round(score / 20)`), and a grade below 3 starts
/// the question over at one day. Intervals stop growing at ``maximumInterval`` days.
public enum ReviewSchedule {
    /// The longest interval, in days: a hundred years, as Anki's default. Without a cap, a few
    /// dozen strong answers to one question would put it due past any date a calendar can show.
    public static let maximumInterval = 36_500.0

    /// One item per question ever answered or skipped, in no particular order.
    public static func items(from sessions: [SessionLog]) -> [ReviewItem] {
        var attempts: [String: [(date: Date, score: Double)]] = [:]
        for session in sessions {
            for question in session.questions where question.answer != nil || question.skipped {
                guard let date = question.answer?.answeredAt ?? question.askedAt ?? session.startedAt else { continue }
                attempts[question.id, default: []].append((date, question.finalScore ?? 0))
            }
        }
        return attempts.map { id, list in schedule(id, list.sorted { $0.date < $1.date }) }
    }

    /// The items due at `now`: most overdue first, then the weakest.
    public static func due(_ items: [ReviewItem], at now: Date) -> [ReviewItem] {
        items.filter { $0.due <= now }.sorted { ($0.due, $0.lastScore, $0.questionID) < ($1.due, $1.lastScore, $1.questionID) }
    }

    static func schedule(_ id: String, _ attempts: [(date: Date, score: Double)]) -> ReviewItem {
        var easiness = 2.5
        var repetitions = 0
        var interval = 0.0
        for attempt in attempts {
            let grade = Double((attempt.score / 20).clampedInt(in: 0...5))
            if grade < 3 {
                repetitions = 0
                interval = 1
            } else {
                interval = repetitions == 0 ? 1 : repetitions == 1 ? 6 : min(maximumInterval, (interval * easiness).rounded())
                repetitions += 1
            }
            easiness = max(1.3, easiness + 0.1 - (5 - grade) * (0.08 + (5 - grade) * 0.02))
        }
        // Cannot fail: `items` schedules a question only after appending an attempt to its list.
        let last = attempts.last!
        return ReviewItem(
            questionID: id, lastScore: last.score, lastSeen: last.date, due: last.date.addingTimeInterval(interval * 86_400),
            intervalDays: interval, easiness: easiness, attempts: attempts.count)
    }
}
