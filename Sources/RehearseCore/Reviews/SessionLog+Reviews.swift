extension SessionLog {
    /// The candidate's display name, when one was given.
    public var candidate: String? { start?.candidate }

    /// How many answers have a reviewer's grade.
    public var reviewedAnswers: Int { questions.reduce(0) { $0 + $1.reviewedAnswers } }

    /// The mean score with each reviewed question's reviewers' grade in place of the scorer's
    /// (skipped and unanswered questions count 0); `nil` until a reviewer grades an answer.
    public var reviewedOverall: Double? {
        guard reviewedAnswers > 0, !questions.isEmpty else { return nil }
        return questions.map { $0.reviewedScore ?? $0.finalScore ?? 0 }.reduce(0, +) / Double(questions.count)
    }
}
