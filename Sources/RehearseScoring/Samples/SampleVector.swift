/// An answer's distinct content stems with idf weights, the prompt's own words demoted, for
/// comparing answers to one question with each other.
struct SampleVector: Sendable {
    /// How much a word of the prompt counts, against 1 for any other: every answer repeats
    /// the question's words, so they say little about which answers are alike.
    static let promptDemotion = 0.5

    /// Each distinct stem's weight.
    let weights: StemTable<Double>
    let norm: Double

    init(words: [AnalyzedWord], promptStems: StemTable<Void>, corpus: Corpus) {
        var weights = StemTable<Double>()
        for word in words where !weights.contains(word.stem, hash: word.stemHash) {
            let weight = Self.weight(of: word.stem, hash: word.stemHash, promptStems: promptStems, corpus: corpus)
            weights.insert(word.stem, hash: word.stemHash, value: weight)
        }
        self.weights = weights
        norm = weights.entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
    }

    /// A stem's weight: the same rule for samples and answers, so the cosine's dot product is
    /// the sum of the shared stems' squared weights.
    static func weight(of stem: String, hash: Int, promptStems: StemTable<Void>, corpus: Corpus) -> Double {
        corpus.weight(of: stem, hash: hash) * (promptStems.contains(stem, hash: hash) ? promptDemotion : 1)
    }

    /// Cosine similarity with an answer whose vector has norm `answerNorm`.
    func similarity(to answer: AnswerIndex, answerNorm: Double) -> Double {
        guard norm > 0, answerNorm > 0 else { return 0 }
        var dot = 0.0
        for entry in weights.entries where answer.contains(stem: entry.stem, hash: entry.hash) { dot += entry.value * entry.value }
        return min(1, dot / (norm * answerNorm))
    }
}
