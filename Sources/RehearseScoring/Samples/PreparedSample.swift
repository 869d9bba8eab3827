/// A graded sample analysed once for its question.
struct PreparedSample: Sendable {
    let label: String
    /// 0–100.
    let score: Double
    let vector: SampleVector
    /// Set for an accepted sample (graded strong): the sample as a reference answer.
    let reference: PreparedQuestion.Reference?
    /// What the scorer itself gives this sample, with the other samples in place (leave one
    /// out): the neighbour grade corrects an answer by how far people graded its neighbours
    /// above or below the scorer.
    var ownScore: Double = 0
}
