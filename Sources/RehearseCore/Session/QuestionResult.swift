import RehearseScoring

/// How one question of a session went.
public struct QuestionResult: Sendable {
    /// The question.
    public let question: Question
    /// The first answer, if any.
    public var answer: String?
    /// The follow-up answer, if any.
    public var followUpAnswer: String?
    /// The report of the answer that set the final score.
    public var report: ScoreReport?
    /// The score that counts: after hint caps, with the follow-up merged in.
    public var finalScore: Double = 0
    /// Hints used.
    public var hintsUsed = 0
    /// Seconds from the question to the (first) answer.
    public var seconds: Double = 0
    /// Whether the answer came after the time limit.
    public var overtime = false
    /// Whether the question was skipped.
    public var skipped = false

    /// A result for `question`, not yet answered.
    public init(question: Question) {
        self.question = question
    }
}
