import Foundation
import RehearseScoring

/// SM-2 spaced repetition over the transcript history. The grade comes from the score — no
/// self-grading: 0–100 maps to SM-2's 0–5 (`round(score / 20)`). A grade below 3 starts the
/// question over and makes it due at once, first in `practice --review`; a first pass is due
/// again after 1, 2 or 4 days for grades 3, 4 and 5, a second after 6, then the interval grows
/// by the easiness factor. Intervals stop growing at ``maximumInterval`` days.
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

    /// The items due at `now`: those last answered below grade 3 first (weakest first), then
    /// the most overdue, then the weakest.
    public static func due(_ items: [ReviewItem], at now: Date) -> [ReviewItem] {
        items.filter { $0.due <= now }.sorted { a, b in
            if a.lapsed != b.lapsed { return a.lapsed }
            if a.lapsed { return (a.lastScore, a.questionID) < (b.lastScore, b.questionID) }
            return (a.due, a.lastScore, a.questionID) < (b.due, b.lastScore, b.questionID)
        }
    }

    /// SM-2's 0–5 grade of a 0–100 score.
    static func grade(_ score: Double) -> Int { (score / 20).clampedInt(in: 0...5) }

    /// Days until a first pass is due again, by grade (3, 4, 5).
    static let firstIntervals = [3: 1.0, 4: 2.0, 5: 4.0]

    static func schedule(_ id: String, _ attempts: [(date: Date, score: Double)]) -> ReviewItem {
        var easiness = 2.5
        var repetitions = 0
        var interval = 0.0
        for attempt in attempts {
            let grade = Double(Self.grade(attempt.score))
            if grade < 3 {
                // Not learnt: due again at once, not a day later like a pass.
                repetitions = 0
                interval = 0
            } else {
                interval =
                    repetitions == 0
                    ? firstIntervals[Int(grade), default: 1] : repetitions == 1 ? 6 : min(maximumInterval, (interval * easiness).rounded())
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
