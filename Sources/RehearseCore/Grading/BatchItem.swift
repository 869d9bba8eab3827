import RehearseScoring

/// One parsed line of a `score --batch` file.
public struct BatchItem: Sendable {
    /// The 1-based line number.
    public let line: Int
    /// What the answer is scored against.
    public let question: ScoringQuestion
    /// The answer.
    public let answer: String
    /// The line's `question_id`, or its question text, for per-question statistics.
    public let questionKey: String
    /// The human grade on a 0–1 scale (`score / max_score`), when the line has one.
    public let gold: Double?
}
