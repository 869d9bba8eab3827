/// One idea a good answer mentions, recognised by any of its terms.
public struct Concept: Sendable, Hashable, Codable {
    /// What the feedback calls it, e.g. "CSRF token".
    public var name: String
    /// Synonyms, phrases and code identifiers that show the concept, e.g. `select_related`.
    public var terms: [String]
    /// How much the concept counts towards the score; 1 unless the author says otherwise.
    public var weight: Double
    /// Whether an answer that misses it cannot be rated strong.
    public var required: Bool

    /// Creates a concept.
    public init(name: String, terms: [String], weight: Double = 1, required: Bool = false) {
        self.name = name
        self.terms = terms
        self.weight = weight
        self.required = required
    }
}
