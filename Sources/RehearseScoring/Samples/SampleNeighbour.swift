/// A graded sample named in a score's explanation: the accepted answer an answer matched best,
/// or one of the graded answers closest to it.
public struct SampleNeighbour: Sendable, Hashable, Codable {
    /// Where the sample came from (`example 2`, `samples.jsonl:14`).
    public let label: String
    /// The sample's grade, 0–100.
    public let score: Double
    /// How alike the two answers are, 0–1 (idf-weighted cosine of their content stems).
    public let similarity: Double
    /// What the scorer itself gives the sample (with the other samples, leaving it out): the
    /// gap to ``score`` is how far people disagreed with the scorer on it. `nil` in transcripts
    /// written before this field.
    public let scored: Double?

    /// Creates a neighbour.
    public init(label: String, score: Double, similarity: Double, scored: Double? = nil) {
        self.label = label
        self.score = score
        self.similarity = similarity
        self.scored = scored
    }
}
