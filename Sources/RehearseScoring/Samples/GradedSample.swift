/// A graded answer to one question. A sample graded at or above the strong band is an extra
/// reference answer; every sample is a neighbour whose grade counts for answers that resemble it.
public struct GradedSample: Sendable, Hashable {
    /// The answer as given.
    public var answer: String
    /// Its grade, 0–100.
    public var score: Double
    /// Where it came from, for the explanation: `example 2`, `samples.jsonl:14`.
    public var label: String

    /// Creates a sample; `score` is clamped to 0–100.
    public init(answer: String, score: Double, label: String) {
        self.answer = answer
        self.score = score.isFinite ? min(100, max(0, score)) : 0
        self.label = label
    }
}
