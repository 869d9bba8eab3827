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
    /// Whether the line is a graded sample (`"sample": true`) for its question's other lines,
    /// not an answer to score.
    public let isSample: Bool

    /// Creates an item.
    public init(line: Int, question: ScoringQuestion, answer: String, questionKey: String, gold: Double?, isSample: Bool = false) {
        self.line = line
        self.question = question
        self.answer = answer
        self.questionKey = questionKey
        self.gold = gold
        self.isSample = isSample
    }

    /// This item scored with `samples` added to its question's.
    func adding(samples: [GradedSample]) -> BatchItem {
        var question = question
        question.samples += samples
        return replacing(question: question)
    }

    /// This item scored against `question`.
    func replacing(question: ScoringQuestion) -> BatchItem {
        BatchItem(line: line, question: question, answer: answer, questionKey: questionKey, gold: gold, isSample: isSample)
    }
}
