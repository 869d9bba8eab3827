extension ReplayedQuestion {
    /// The answer given at `attempt` (1: the first, 2: the follow-up's), if any.
    public func answer(at attempt: Int) -> ReplayedAnswer? {
        attempt == 2 ? followUpAnswer : answer
    }

    /// The scorer's grade of the question after `attempt`'s answer.
    public func scorerScore(at attempt: Int) -> Double? {
        (attempt == 2 ? followUpScore : score)?.finalScore
    }

    /// Every grade of `attempt`, oldest first: the last one counts.
    public func reviews(of attempt: Int) -> [AnswerReview] {
        reviews.filter { $0.attempt == attempt }
    }

    /// The grade that counts for `attempt`: the latest.
    public func latestReview(of attempt: Int) -> AnswerReview? {
        reviews.last { $0.attempt == attempt }
    }

    /// The reviewers' grade of the question (``Swift/Array/countedScore``); `nil` when no
    /// reviewer graded it.
    public var reviewedScore: Double? { reviews.countedScore }
}
