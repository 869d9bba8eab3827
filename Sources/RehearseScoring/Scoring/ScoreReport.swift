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
    /// With graded samples: the score from the reference answers and accepted samples alone,
    /// before the closest samples moved it. `nil` (absent from JSON) without samples.
    public let conceptScore: Double?
    /// The accepted sample the answer matched better than the reference answer, if any.
    public let matchedSample: SampleNeighbour?
    /// The graded samples most similar to the answer, closest first; `nil` without samples.
    public let closestSamples: [SampleNeighbour]?
    /// With graded samples: the answer's highest similarity (0–1) to the reference answer or an
    /// accepted sample. Below `scorer.sample_relevance` the score was scaled down in proportion.
    public let relevance: Double?
    /// After a follow-up: the question's score before it (the first answer's).
    public let followUpFrom: Double?

    /// Creates a report (the scorer makes them; replays rebuild them from transcripts).
    public init(
        score: Double, band: Band, matched: [ConceptMatch], missed: [MissedConcept], feedback: String,
        conceptCoverage: Double, overlap: Double, derivedConcepts: Bool, truncatedAt: Int? = nil,
        conceptScore: Double? = nil, matchedSample: SampleNeighbour? = nil, closestSamples: [SampleNeighbour]? = nil,
        relevance: Double? = nil, followUpFrom: Double? = nil
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
        self.conceptScore = conceptScore
        self.matchedSample = matchedSample
        self.closestSamples = closestSamples
        self.relevance = relevance
        self.followUpFrom = followUpFrom
    }

    /// This report with another score (and the band it falls in) and the samples behind it.
    func moved(
        to score: Double, band: Band, conceptScore: Double, matchedSample: SampleNeighbour?, closestSamples: [SampleNeighbour],
        relevance: Double
    ) -> ScoreReport {
        ScoreReport(
            score: score, band: band, matched: matched, missed: missed, feedback: feedback, conceptCoverage: conceptCoverage,
            overlap: overlap, derivedConcepts: derivedConcepts, truncatedAt: truncatedAt, conceptScore: conceptScore,
            matchedSample: matchedSample, closestSamples: closestSamples, relevance: relevance, followUpFrom: followUpFrom)
    }

    /// This report for an answer of which only the first `bytes` were scored.
    func truncated(at bytes: Int, limit: Int) -> ScoreReport {
        ScoreReport(
            score: score, band: band, matched: matched, missed: missed,
            feedback: FeedbackWriter.noting(truncationAt: limit, to: feedback), conceptCoverage: conceptCoverage,
            overlap: overlap, derivedConcepts: derivedConcepts, truncatedAt: bytes, conceptScore: conceptScore,
            matchedSample: matchedSample, closestSamples: closestSamples, relevance: relevance, followUpFrom: followUpFrom)
    }

    enum CodingKeys: String, CodingKey {
        case score, band, matched, missed, feedback
        case conceptCoverage = "concept_coverage"
        case overlap
        case derivedConcepts = "derived_concepts"
        case truncatedAt = "truncated_at"
        case conceptScore = "concept_score"
        case matchedSample = "matched_sample"
        case closestSamples = "closest_samples"
        case relevance
        case followUpFrom = "follow_up_from"
    }
}
