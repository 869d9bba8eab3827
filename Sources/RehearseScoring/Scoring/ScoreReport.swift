/// The scorer's verdict on one answer, with everything needed to explain it.
public struct ScoreReport: Sendable, Hashable, Codable {
    /// 0–100, one decimal.
    public let score: Double
    /// strong, partial or weak.
    public let band: Band
    /// Concepts found, in the order the question lists them.
    public let matched: [ConceptMatch]
    /// Concepts not found, most important first.
    public let missed: [MissedConcept]
    /// One sentence a person would say about the answer.
    public let feedback: String
    /// Weighted share of concepts found, 0–1, before saturation.
    public let conceptCoverage: Double
    /// idf-weighted share of the reference answer's content words found, 0–1, before saturation.
    public let overlap: Double
    /// Whether the concepts came from the question or were derived from its reference answer.
    public let derivedConcepts: Bool
    /// Set when the answer was longer than `scorer.max_answer_chars`: where scoring stopped, in
    /// UTF-8 bytes from the start of the answer (the unit of ``ConceptMatch/span``). The rest was
    /// ignored, and `feedback` says so. `nil` (and absent from JSON) when all of it was scored.
    public let truncatedAt: Int?

    /// Creates a report (the scorer makes them; replays rebuild them from transcripts).
    public init(
        score: Double, band: Band, matched: [ConceptMatch], missed: [MissedConcept], feedback: String,
        conceptCoverage: Double, overlap: Double, derivedConcepts: Bool, truncatedAt: Int? = nil
    ) {
        self.score = score
        self.band = band
        self.matched = matched
        self.missed = missed
        self.feedback = feedback
        self.conceptCoverage = conceptCoverage
        self.overlap = overlap
        self.derivedConcepts = derivedConcepts
        self.truncatedAt = truncatedAt
    }

    enum CodingKeys: String, CodingKey {
        case score, band, matched, missed, feedback
        case conceptCoverage = "concept_coverage"
        case overlap
        case derivedConcepts = "derived_concepts"
        case truncatedAt = "truncated_at"
    }
}
