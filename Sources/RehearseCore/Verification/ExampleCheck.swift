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

    /// Whether the score meets the expectation.
    public var passed: Bool {
        switch expected {
        case .band(let expectedBand): band == expectedBand
        case .range(let range): range.contains(score.clampedInt())
        }
    }
}
