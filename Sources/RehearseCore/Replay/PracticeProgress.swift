import Foundation

/// How a person is doing over time, computed from their transcripts (oldest first).
public struct PracticeProgress: Sendable {
    /// Average final scores per session for one topic or difficulty, oldest first.
    public struct Series: Sendable {
        /// The topic or difficulty.
        public let name: String
        /// One average per session that asked it.
        public let scores: [Double]
        /// Questions asked in all.
        public let asked: Int
        /// The mean of the last session's scores.
        public var latest: Double { scores.last ?? 0 }
    }

    /// A concept and how often answers missed it.
    public struct WeakConcept: Sendable {
        /// The concept's name.
        public let concept: String
        /// Times it was missed.
        public let missed: Int
        /// Times a question with it was scored.
        public let seen: Int
        /// `missed / seen`.
        public var rate: Double { seen == 0 ? 0 : Double(missed) / Double(seen) }
    }

    /// Per topic, in order of first appearance.
    public let topics: [Series]
    /// Per difficulty, easy to hard.
    public let difficulties: [Series]
    /// Concepts missed most often (at least twice), worst first.
    public let weakest: [WeakConcept]
    /// Consecutive days with a session, ending today or yesterday.
    public let streak: Int
    /// The longest run of consecutive days with a session.
    public let longestStreak: Int
    /// Sessions counted.
    public let sessions: Int

    /// Computes progress from `sessions` (any order) as of `now`.
    public init(sessions: [SessionLog], now: Date = Date(), calendar: Calendar = .current) {
        self.init(summaries: sessions.map(SessionSummary.init), now: now, calendar: calendar)
    }

    /// Computes progress from sessions' summaries (any order) as of `now`.
    public init(summaries: [SessionSummary], now: Date = Date(), calendar: Calendar = .current) {
        // A session ended before any answer is kept on disk but is no practice: it must not
        // drag the trends down or count as a day of the streak.
        let ordered = summaries.filter { $0.answered > 0 }.map { ($0, $0.startedAt) }
            .sorted { ($0.1 ?? .distantPast) < ($1.1 ?? .distantPast) }
        self.sessions = ordered.count
        topics = Self.series(ordered.map(\.0), key: \.topic)
        difficulties = Self.series(ordered.map(\.0), key: \.difficulty).sorted {
            (Difficulty(rawValue: $0.name)?.index ?? 9) < (Difficulty(rawValue: $1.name)?.index ?? 9)
        }
        var missed: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for (session, _) in ordered {
            for question in session.questions {
                for concept in question.matched { seen[concept, default: 0] += 1 }
                for concept in question.missed {
                    seen[concept, default: 0] += 1
                    missed[concept, default: 0] += 1
                }
            }
        }
        weakest = missed.filter { $0.value >= 2 }
            .map { WeakConcept(concept: $0.key, missed: $0.value, seen: seen[$0.key] ?? $0.value) }
            .sorted { ($0.rate, $0.missed, $1.concept) > ($1.rate, $1.missed, $0.concept) }
        let days = Set(ordered.compactMap { $0.1.map { calendar.startOfDay(for: $0) } }).sorted()
        var longest = 0
        var run = 0
        var previous: Date?
        for day in days {
            run = previous.flatMap { calendar.dateComponents([.day], from: $0, to: day).day } == 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        let today = calendar.startOfDay(for: now)
        let gap = days.last.flatMap { calendar.dateComponents([.day], from: $0, to: today).day } ?? 99
        streak = gap <= 1 ? run : 0
        longestStreak = longest
    }

    private static func series(_ sessions: [SessionSummary], key: KeyPath<SessionSummary.Question, String>) -> [Series] {
        var series: [(name: String, scores: [Double], asked: Int)] = []
        var position: [String: Int] = [:]
        for session in sessions {
            var perSession: [String: [Double]] = [:]
            for question in session.questions where question.answered || question.skipped {
                perSession[question[keyPath: key], default: []].append(question.finalScore ?? 0)
            }
            for (name, values) in perSession.sorted(by: { $0.key < $1.key }) {
                let average = values.reduce(0, +) / Double(values.count)
                if let index = position[name] {
                    series[index].scores.append(average)
                    series[index].asked += values.count
                } else {
                    position[name] = series.count
                    series.append((name, [average], values.count))
                }
            }
        }
        return series.map { Series(name: $0.name, scores: $0.scores, asked: $0.asked) }
    }
}
