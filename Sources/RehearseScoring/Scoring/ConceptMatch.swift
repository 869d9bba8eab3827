/// A concept found in an answer, with the evidence: which term matched and where.
public struct ConceptMatch: Sendable, Hashable, Codable {
    /// The concept's name.
    public let concept: String
    /// The term that matched.
    public let term: String
    /// The part of the answer that matched, as written.
    public let evidence: String
    /// Where the evidence stands in the answer, in UTF-8 byte offsets (start, end).
    public let span: [Int]

    /// Creates a match.
    public init(concept: String, term: String, evidence: String, span: [Int]) {
        self.concept = concept
        self.term = term
        self.evidence = evidence
        self.span = span
    }
}
