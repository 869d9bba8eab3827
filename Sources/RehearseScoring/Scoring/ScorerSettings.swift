import Foundation

/// The scorer's few global parameters; the configuration file sets them.
public struct ScorerSettings: Sendable, Hashable {
    /// Share of the score from concept coverage.
    public var conceptWeight: Double
    /// Share of the score from idf-weighted overlap with the reference answer.
    public var overlapWeight: Double
    /// How quickly coverage saturates: graders give full marks before every reference word is said.
    /// With 3, covering half the reference is worth about 80% of the marks.
    public var saturation: Double
    /// Lowest score rated strong.
    public var strongThreshold: Double
    /// Lowest score rated partial.
    public var partialThreshold: Double
    /// The most characters of an answer that are scored (`scorer.max_answer_chars`); the rest is
    /// ignored and the report says so. 0 or less: no limit.
    public var maxAnswerCharacters: Int
    /// The most a graded sample's neighbours can move a score, as a share of how far people
    /// graded them from the scorer (`scorer.sample_weight`, 0–1; 0 turns the nearest-neighbour
    /// grade off).
    public var sampleWeight: Double
    /// How many of the most similar samples count (`scorer.sample_neighbours`).
    public var sampleNeighbours: Int
    /// Samples it takes for the neighbour grade to count half its weight (`scorer.sample_prior`).
    public var samplePrior: Double
    /// Similarity (0–1) at which the nearest sample counts fully; a less similar one counts in
    /// proportion (`scorer.sample_closeness`).
    public var sampleCloseness: Double
    /// With graded samples: the similarity to the reference or an accepted answer (0–1) below
    /// which an answer is taken to be about something else and its score scaled down in
    /// proportion (`scorer.sample_relevance`; 0 turns it off).
    public var sampleRelevance: Double

    /// Creates settings; the defaults are those measured in docs/scoring.md.
    public init(
        conceptWeight: Double = 0.6, overlapWeight: Double = 0.4, saturation: Double = 3,
        strongThreshold: Double = 70, partialThreshold: Double = 40, maxAnswerCharacters: Int = 20_000,
        sampleWeight: Double = 0.8, sampleNeighbours: Int = 5, samplePrior: Double = 1, sampleCloseness: Double = 0.1,
        sampleRelevance: Double = 0.4
    ) {
        self.conceptWeight = conceptWeight
        self.overlapWeight = overlapWeight
        self.saturation = saturation
        self.strongThreshold = strongThreshold
        self.partialThreshold = partialThreshold
        self.maxAnswerCharacters = maxAnswerCharacters
        self.sampleWeight = sampleWeight
        self.sampleNeighbours = sampleNeighbours
        self.samplePrior = samplePrior
        self.sampleCloseness = sampleCloseness
        self.sampleRelevance = sampleRelevance
    }

    /// Maps coverage in 0...1 onto 0...1 along a saturating curve.
    func saturate(_ coverage: Double) -> Double {
        guard saturation > 0 else { return coverage }
        return (1 - exp(-saturation * coverage)) / (1 - exp(-saturation))
    }

    /// The band of a 0–100 score.
    public func band(for score: Double) -> Band {
        score >= strongThreshold ? .strong : score >= partialThreshold ? .partial : .weak
    }
}
