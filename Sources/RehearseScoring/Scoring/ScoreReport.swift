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

    /// Creates a report (the scorer makes them; replays rebuild them from transcripts).
    public init(
        score: Double, band: Band, matched: [ConceptMatch], missed: [MissedConcept], feedback: String,
        conceptCoverage: Double, overlap: Double, derivedConcepts: Bool
    ) {
        self.score = score
        self.band = band
        self.matched = matched
        self.missed = missed
        self.feedback = feedback
        self.conceptCoverage = conceptCoverage
        self.overlap = overlap
        self.derivedConcepts = derivedConcepts
    }

    enum CodingKeys: String, CodingKey {
        case score, band, matched, missed, feedback
        case conceptCoverage = "concept_coverage"
        case overlap
        case derivedConcepts = "derived_concepts"
    }
}
