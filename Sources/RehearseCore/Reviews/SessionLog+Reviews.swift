extension SessionLog {
    /// The candidate's display name, when one was given.
    public var candidate: String? { start?.candidate }

    /// How many answers have a reviewer's grade.
    public var reviewedAnswers: Int { questions.reduce(0) { $0 + $1.reviews.gradedAnswers } }

    /// The mean score with each reviewed question's reviewers' grade in place of the scorer's
    /// (skipped and unanswered questions count 0); `nil` until a reviewer grades an answer.
    /// Worked out once, on the session's summary, as `history` and the reviewers' list do.
    public var reviewedOverall: Double? { SessionSummary(self).reviewedOverall }
}
