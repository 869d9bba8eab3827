/// A concept as the scorer sees it: a name, the terms that show it, and how much it counts.
public struct ScoringConcept: Sendable, Hashable, Codable {
    /// What feedback calls it.
    public var name: String
    /// Words, phrases or identifiers; any one shows the concept.
    public var terms: [String]
    /// Relative weight, greater than 0.
    public var weight: Double
    /// Whether missing it keeps an answer out of the strong band.
    public var required: Bool

    /// Creates a concept.
    public init(name: String, terms: [String], weight: Double = 1, required: Bool = false) {
        self.name = name
        self.terms = terms
        self.weight = weight
        self.required = required
    }
}
