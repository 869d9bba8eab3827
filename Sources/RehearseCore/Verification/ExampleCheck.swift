import RehearseScoring

/// One sample answer of a bank scored against what its author expected.
public struct ExampleCheck: Sendable {
    /// The question.
    public let questionID: String
    /// Where the question starts.
    public let location: SourceLocation
    /// 1-based position among the question's examples.
    public let number: Int
    /// The sample answer.
    public let answer: String
    /// What the author expected.
    public let expected: ExampleExpectation
    /// The score it got.
    public let score: Double
    /// The band it got.
    public let band: Band
    /// Its score from the reference answer and accepted samples alone, before the closest
    /// samples moved it; `nil` when the question has no other samples.
    public let conceptScore: Double?

    /// Creates a check.
    public init(
        questionID: String, location: SourceLocation, number: Int, answer: String, expected: ExampleExpectation, score: Double,
        band: Band, conceptScore: Double? = nil
    ) {
        self.questionID = questionID
        self.location = location
        self.number = number
        self.answer = answer
        self.expected = expected
        self.score = score
        self.band = band
        self.conceptScore = conceptScore
    }

    /// How far the graded samples moved the score, in points.
    public var moved: Double { conceptScore.map { score - $0 } ?? 0 }

    /// Whether the score meets the expectation.
    public var passed: Bool {
        switch expected {
        case .band(let expectedBand): band == expectedBand
        case .range(let range): range.contains(score.clampedInt())
        }
    }
}
