import Foundation

/// Progress over the transcripts: per topic and difficulty, the weakest concepts, the streak.
public struct StatsReport: JSONReport, Sendable {
    /// The figures, unrounded (charts are drawn from these).
    public let progress: PracticeProgress
    /// The transcripts folder they were read from.
    public let folder: String

    /// The report of `sessions` as of `now`.
    public init(sessions: [SessionLog], folder: String, now: Date = Date()) {
        self.init(summaries: sessions.map(SessionSummary.init), folder: folder, now: now)
    }

    /// The report of sessions' summaries as of `now`.
    public init(summaries: [SessionSummary], folder: String, now: Date = Date()) {
        progress = PracticeProgress(summaries: summaries, now: now)
        self.folder = folder
    }

    /// Scores as printed and written: one decimal.
    public static func rounded(_ score: Double) -> Double { (score * 10).rounded() / 10 }

    /// `{sessions, topics, difficulties, weakest, streak, longest_streak}`; each series is
    /// `{name, scores, asked}` and the weakest concepts (ten at most) `{concept, missed, seen}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(progress.sessions, forKey: .sessions)
        for (series, key) in [(progress.topics, Key.topics), (progress.difficulties, Key.difficulties)] {
            var list = container.nestedUnkeyedContainer(forKey: key)
            for item in series {
                var entry = list.nestedContainer(keyedBy: Key.self)
                try entry.encode(item.name, forKey: .name)
                try entry.encode(item.scores.map(Self.rounded), forKey: .scores)
                try entry.encode(item.asked, forKey: .asked)
            }
        }
        var weakest = container.nestedUnkeyedContainer(forKey: .weakest)
        for weak in progress.weakest.prefix(10) {
            var entry = weakest.nestedContainer(keyedBy: Key.self)
            try entry.encode(weak.concept, forKey: .concept)
            try entry.encode(weak.missed, forKey: .missed)
            try entry.encode(weak.seen, forKey: .seen)
        }
        try container.encode(progress.streak, forKey: .streak)
        try container.encode(progress.longestStreak, forKey: .longestStreak)
    }

    enum Key: String, CodingKey {
        case sessions, topics, difficulties, weakest, streak
        case longestStreak = "longest_streak"
        case name, scores, asked, concept, missed, seen
    }
}
