/// An answer's distinct content stems with idf weights, the prompt's own words demoted, for
/// comparing answers to one question with each other.
struct SampleVector: Sendable {
    /// How much a word of the prompt counts, against 1 for any other: every answer repeats
    /// the question's words, so they say little about which answers are alike.
    static let promptDemotion = 0.5

    let weights: [String: Double]
    let norm: Double

    init(words: [AnalyzedWord], promptStems: Set<String>, corpus: Corpus) {
        var weights: [String: Double] = [:]
        for word in words where weights[word.stem] == nil {
            weights[word.stem] = Self.weight(of: word.stem, promptStems: promptStems, corpus: corpus)
        }
        self.weights = weights
        norm = weights.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// A stem's weight: the same rule for samples and answers, so the cosine's dot product is
    /// the sum of the shared stems' squared weights.
    static func weight(of stem: String, promptStems: Set<String>, corpus: Corpus) -> Double {
        corpus.weight(of: stem) * (promptStems.contains(stem) ? promptDemotion : 1)
    }

    /// Cosine similarity with an answer whose vector has norm `answerNorm`.
    func similarity(to answer: AnswerIndex, answerNorm: Double) -> Double {
        guard norm > 0, answerNorm > 0 else { return 0 }
        var dot = 0.0
        for (stem, weight) in weights where answer.contains(stem: stem) { dot += weight * weight }
        return min(1, dot / (norm * answerNorm))
    }
}
