/// Scores an indexed answer against one reference answer and its concepts: the keyword-overlap
/// method of docs/scoring.md, shared by answers and by the graded samples scored at preparation.
struct ReferenceScorer {
    let settings: ScorerSettings

    func score(_ index: AnswerIndex, _ answer: String, against reference: PreparedQuestion.Reference) -> ScoreReport {
        let (overlap, foundStems) = overlap(index, reference)
        var matched: [ConceptMatch] = []
        // By concept position: a set of a handful of small numbers cost more to build than the
        // concepts cost to look for.
        var isMissed = [Bool](repeating: false, count: reference.concepts.count)
        var foundWeight = 0.0
        for (position, concept) in reference.concepts.enumerated() {
            // A derived concept is one reference word: the overlap pass has already looked for it.
            if reference.derived, let word = concept.terms.first?.words.first, !foundStems.contains(word.word.stem, hash: word.word.stemHash) {
                isMissed[position] = true
                continue
            }
            if let match = firstMatch(of: concept, in: index, answer: answer) {
                matched.append(match)
                foundWeight += concept.weight
            } else {
                isMissed[position] = true
            }
        }
        let missed = reference.importance.filter { isMissed[$0] }.map { reference.concepts[$0] }
            .map { MissedConcept(concept: $0.name, weight: $0.weight, required: $0.required) }
        let conceptWeight = reference.conceptWeight
        let coverage = conceptWeight > 0 ? foundWeight / conceptWeight : overlap
        let score = blend(coverage: coverage, overlap: overlap, missedRequired: missed.contains(where: \.required))
        return ScoreReport(
            score: score, band: settings.band(for: score), matched: matched, missed: missed,
            feedback: FeedbackWriter.sentence(matched: matched.map(\.concept), missed: missed.map(\.concept)),
            conceptCoverage: coverage, overlap: overlap, derivedConcepts: reference.derived)
    }

    /// The score alone, the same number ``score(_:_:against:)`` gives, without collecting the
    /// evidence: answers are scored against every accepted sample, and only the best one explains.
    /// `typos: false` matches the reference's words by stem only, for a sample as reference:
    /// answers there are compared stem by stem, and looking for every missing long word one
    /// typo away was most of the cost of scoring against samples.
    func scoreOnly(_ index: AnswerIndex, against reference: PreparedQuestion.Reference, typos: Bool = true) -> Double {
        if reference.derived {
            // Each derived concept is one reference word of weight 1, found exactly when the
            // overlap pass finds the word: coverage is the share of words found.
            let totalWeight = reference.totalWeight
            var foundWeight = 0.0
            var found = 0
            // Through the buffer: the array's subscript copied each word, strings and all.
            reference.words.withUnsafeBufferPointer { words in
                for position in words.indices {
                    let present =
                        typos
                        ? index.contains(words[position].word)
                        : index.contains(stem: words[position].word.stem, hash: words[position].word.stemHash)
                    guard present else { continue }
                    foundWeight += words[position].weight
                    found += 1
                }
            }
            let overlap = totalWeight > 0 ? foundWeight / totalWeight : 0
            let coverage = reference.words.isEmpty ? overlap : Double(found) / Double(reference.words.count)
            return blend(coverage: coverage, overlap: overlap, missedRequired: false)
        }
        let (overlap, _) = overlap(index, reference)
        var foundWeight = 0.0
        var missedRequired = false
        for concept in reference.concepts {
            if concept.terms.contains(where: { PhraseMatcher.find($0.words, in: index) != nil }) {
                foundWeight += concept.weight
            } else if concept.required {
                missedRequired = true
            }
        }
        let conceptWeight = reference.conceptWeight
        return blend(coverage: conceptWeight > 0 ? foundWeight / conceptWeight : overlap, overlap: overlap, missedRequired: missedRequired)
    }

    /// The idf-weighted share of the reference's words the answer has, and their stems when
    /// concepts are derived (each is one of those words).
    private func overlap(_ index: AnswerIndex, _ reference: PreparedQuestion.Reference) -> (Double, StemTable<Void>) {
        // Summed in the words' order, as before, without copying the words found.
        let totalWeight = reference.totalWeight
        var foundWeight = 0.0
        var foundStems = StemTable<Void>()
        // Through the buffer: the array's subscript copied each word, strings and all.
        reference.words.withUnsafeBufferPointer { words in
            for position in words.indices {
                guard index.contains(words[position].word) else { continue }
                foundWeight += words[position].weight
                if reference.derived { _ = foundStems.insert(words[position].word.stem, hash: words[position].word.stemHash) }
            }
        }
        return (totalWeight > 0 ? foundWeight / totalWeight : 0, foundStems)
    }

    func blend(coverage: Double, overlap: Double, missedRequired: Bool) -> Double {
        let blended =
            (settings.conceptWeight * settings.saturate(coverage) + settings.overlapWeight * settings.saturate(overlap))
            / max(settings.conceptWeight + settings.overlapWeight, .leastNonzeroMagnitude)
        let score = (blended * 1000).rounded() / 10
        // A required concept keeps the answer out of strong.
        return missedRequired && score >= settings.strongThreshold ? max(0, settings.strongThreshold - 1) : score
    }

    /// Every concept missed, most important first: the report of an empty answer.
    func missedAll(_ reference: PreparedQuestion.Reference) -> [MissedConcept] {
        reference.importance.map { reference.concepts[$0] }.map { MissedConcept(concept: $0.name, weight: $0.weight, required: $0.required) }
    }

    func firstMatch(of concept: PreparedQuestion.Concept, in index: AnswerIndex, answer: String) -> ConceptMatch? {
        for term in concept.terms {
            guard let positions = PhraseMatcher.find(term.words, in: index) else { continue }
            let start = index.words[positions.lowerBound].span.lowerBound
            let end = index.words[positions.upperBound].span.upperBound
            let utf8 = answer.utf8
            let evidence = utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            return ConceptMatch(concept: concept.name, term: term.text, evidence: String(decoding: evidence, as: UTF8.self), span: [start, end])
        }
        return nil
    }
}
