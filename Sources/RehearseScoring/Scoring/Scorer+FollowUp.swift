extension Scorer {
    /// The question's report after a follow-up about `asked`, one concept the first answer
    /// missed. The follow-up is graded for that concept and any other still-missed concept it
    /// shows; those join the first answer's, and the score is recomputed from the merged
    /// coverage with the first answer's overlap — at most what a first answer covering the same
    /// would have got, and never less than the first answer's score. Whatever graded samples
    /// did to the first answer's score, they do to the merged one. The feedback is about what
    /// the follow-up asked; ``ScoreReport/followUpFrom`` holds the score before it.
    public func score(followUp answer: String, asked: String, after first: ScoreReport, for question: ScoringQuestion) -> ScoreReport {
        let prepared = prepare(question)
        guard let reference = prepared.references.first, !reference.concepts.isEmpty else { return first }
        let analysed = TextLimit.cut(answer, maxCharacters: settings.maxAnswerCharacters).map { String(answer[..<$0]) } ?? answer
        let index = AnswerIndex(words: analyzerWords(analysed))
        let had = Set(first.matched.map(\.concept))
        var earned: [ConceptMatch] = []
        for concept in reference.concepts where !had.contains(concept.name) {
            if let match = referenceScorer.firstMatch(of: concept, in: index, answer: answer) { earned.append(match) }
        }
        let names = had.union(earned.map(\.concept))
        let matched = reference.concepts.compactMap { concept in
            first.matched.first { $0.concept == concept.name } ?? earned.first { $0.concept == concept.name }
        }
        let missed = first.missed.filter { !names.contains($0.concept) }
        let total = reference.concepts.reduce(0) { $0 + $1.weight }
        let coverage = total > 0 ? reference.concepts.filter { names.contains($0.name) }.reduce(0) { $0 + $1.weight } / total : 0
        let rubric = { (coverage: Double, missedRequired: Bool) in
            self.referenceScorer.blend(coverage: coverage, overlap: first.overlap, missedRequired: missedRequired)
        }
        // Graded samples moved the first answer by this much; the merged score moves the same.
        let samples = first.score - rubric(first.conceptCoverage, first.missed.contains(where: \.required))
        let merged = min(100, max(0, rubric(coverage, missed.contains(where: \.required)) + samples))
        let score = max(first.score, (merged * 10).rounded() / 10)
        return ScoreReport(
            score: score, band: settings.band(for: score), matched: matched, missed: missed,
            feedback: FeedbackWriter.followUp(asked: asked, earned: earned.map(\.concept), missed: missed.map(\.concept)),
            conceptCoverage: coverage, overlap: first.overlap, derivedConcepts: first.derivedConcepts,
            conceptScore: first.conceptScore, matchedSample: first.matchedSample, closestSamples: first.closestSamples,
            relevance: first.relevance, followUpFrom: first.score)
    }
}
