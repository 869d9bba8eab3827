/// One scored answer beside its human grade, both on a 0–1 scale.
public struct GradedPrediction: Sendable, Hashable {
    /// Which question the answer belongs to (for the per-question correlation).
    public let questionID: String
    /// The scorer's score / 100.
    public let predicted: Double
    /// The human grade / its maximum.
    public let gold: Double

    /// Creates a pair.
    public init(questionID: String, predicted: Double, gold: Double) {
        self.questionID = questionID
        self.predicted = predicted
        self.gold = gold
    }
}
