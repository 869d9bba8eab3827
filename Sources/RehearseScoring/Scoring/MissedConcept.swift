/// A concept the answer did not mention.
public struct MissedConcept: Sendable, Hashable, Codable {
    /// The concept's name.
    public let concept: String
    /// Its weight; missed concepts are listed heaviest first.
    public let weight: Double
    /// Whether it was required for a strong answer.
    public let required: Bool

    /// Creates a missed concept.
    public init(concept: String, weight: Double, required: Bool) {
        self.concept = concept
        self.weight = weight
        self.required = required
    }
}
