/// What the graded samples closest to an answer say about its grade: people graded those
/// neighbours some points above or below what the scorer gives them, so an answer like them
/// is moved the same way. How far it moves grows with how many samples there are and how
/// close the nearest is; with no similar sample it does not move at all.
struct NeighbourGrade {
    /// The samples that counted, most similar first.
    let closest: [SampleNeighbour]
    /// Points added to (or taken from) the concept score.
    let shift: Double

    init(answer: AnswerIndex, norm: Double, samples: [PreparedSample], settings: ScorerSettings) {
        let ranked = samples.indices.map { (index: $0, similarity: samples[$0].vector.similarity(to: answer, answerNorm: norm)) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index > $1.index }
            .prefix(max(1, settings.sampleNeighbours))
        // A sample with nothing in common with the answer carries no weight, so it is not named.
        closest = ranked.filter { $0.similarity > 0 }.map {
            SampleNeighbour(
                label: samples[$0.index].label, score: samples[$0.index].score, similarity: ($0.similarity * 1000).rounded() / 1000,
                scored: samples[$0.index].ownScore)
        }
        let weights = ranked.map(\.similarity)
        let total = weights.reduce(0, +)
        guard let nearest = ranked.first?.similarity, nearest > 0, total > 0 else {
            shift = 0
            return
        }
        // Similarity-weighted: the closest neighbour says the most about this answer.
        var residual = 0.0
        for (weight, neighbour) in zip(weights, ranked) {
            residual += weight * (samples[neighbour.index].score - samples[neighbour.index].ownScore)
        }
        residual /= total
        let count = Double(samples.count)
        let closeness = settings.sampleCloseness > 0 ? min(1, nearest / settings.sampleCloseness) : 1
        let weight = settings.sampleWeight * count / (count + settings.samplePrior) * closeness
        shift = weight * residual
    }
}
