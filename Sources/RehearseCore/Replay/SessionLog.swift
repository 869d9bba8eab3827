import Foundation

/// A past session read back from its transcript, with the warnings reading it produced.
public struct SessionLog: Sendable {
    /// The transcript's path.
    public let path: String
    /// The `session_start` line, if the file has one.
    public var start: TranscriptRecord?
    /// The questions in the order asked.
    public var questions: [ReplayedQuestion] = []
    /// The `session_end` line; `nil` for a session that was killed or is still running.
    public var end: TranscriptRecord?
    /// `file:line: ...` for every line that could not be read.
    public var warnings: [String] = []

    /// The scenario id.
    public var scenario: String { start?.scenario ?? "?" }
    /// When the session started.
    public var startedAt: Date? { start.flatMap { TranscriptTime.parse($0.time) } }
    /// Questions with an answer.
    public var answered: Int { questions.count { $0.answer != nil } }
    /// The mean final score over the questions asked (skipped and unanswered count 0).
    public var overall: Double {
        if let overall = end?.overall { return overall }
        guard !questions.isEmpty else { return 0 }
        return questions.map { $0.finalScore ?? 0 }.reduce(0, +) / Double(questions.count)
    }
    /// Seconds from start to end (or to the last line of an unfinished session).
    public var duration: Double? {
        if let seconds = end?.durationSeconds { return seconds }
        guard let startedAt, let last = lastTime else { return nil }
        return last.timeIntervalSince(startedAt)
    }
    /// The time of the last line read.
    public var lastTime: Date?
}
