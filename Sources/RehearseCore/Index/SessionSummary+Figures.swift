import Foundation

extension SessionSummary {
    /// When the session started.
    public var startedAt: Date? { TranscriptTime.parse(startTime) }
    /// Whether it has its `session_end` line.
    public var isFinished: Bool { endTime != nil }
    /// Questions with an answer.
    public var answered: Int { questions.count { $0.answered } }
    /// The recorded overall score, or the mean final score over the questions asked
    /// (skipped and unanswered count 0), as ``SessionLog/overall``.
    public var overallScore: Double {
        if let overall { return overall }
        guard !questions.isEmpty else { return 0 }
        return questions.map { $0.finalScore ?? 0 }.reduce(0, +) / Double(questions.count)
    }
    /// Seconds from start to end, or to the last line of an unfinished session.
    public var seconds: Double? {
        if let duration { return duration }
        guard let startedAt, let lastTime else { return nil }
        return lastTime.timeIntervalSince(startedAt)
    }
    /// How many answers have a reviewer's grade.
    public var reviewedAnswers: Int { questions.reduce(0) { $0 + $1.reviewedAnswers } }
    /// The mean score with reviewers' grades in place of the scorer's, as
    /// ``SessionLog/reviewedOverall``.
    public var reviewedOverall: Double? {
        guard reviewedAnswers > 0, !questions.isEmpty else { return nil }
        return questions.map { $0.reviewedScore ?? $0.finalScore ?? 0 }.reduce(0, +) / Double(questions.count)
    }
}

extension SessionSummary.Question {
    /// The score that counted: after the follow-up if there was one.
    public var finalScore: Double? { followUpScore ?? score }
    /// The reviewers' grade that counts (``Swift/Array/countedScore``).
    public var reviewedScore: Double? { reviews.countedScore }
    /// How many of its answers a reviewer graded.
    public var reviewedAnswers: Int { reviews.gradedAnswers }
}
