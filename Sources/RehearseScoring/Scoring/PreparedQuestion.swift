import Foundation

/// A question analysed once, so that scoring many answers to it stays cheap. A class, never
/// changed once made: a scorer handed it around per answer (from the shared cache, into its own
/// last-used slot, out to the scoring), and as a struct each hand-over retained and released
/// every one of its arrays.
final class PreparedQuestion: Sendable {
    /// One concept with its terms analysed.
    struct Concept: Sendable {
        let name: String
        let weight: Double
        let required: Bool
        /// Each term's words; a term made only of words the prompt itself uses is left out (it
        /// earns nothing), and a term word that shares a stem with a prompt word matches only
        /// as written — `migrate` still earns marks for "How do migrations work?", "migrations" does not.
        let terms: [ConceptTerm]
    }

    /// One reference answer: its content words after demoting the prompt's, with idf weights.
    struct Reference: Sendable {
        let words: [WeightedWord]
        let concepts: [Concept]
        let derived: Bool
        /// Concept indices, most important first: required, then heaviest (or rarest, for
        /// derived concepts), then in the author's order.
        let importance: [Int]

        /// The words' weights added up, and the concepts', in order: the same for every answer.
        let totalWeight: Double
        let conceptWeight: Double

        init(words: [WeightedWord], concepts: [Concept], derived: Bool) {
            self.words = words
            self.concepts = concepts
            totalWeight = words.reduce(0) { $0 + $1.weight }
            conceptWeight = concepts.reduce(0) { $0 + $1.weight }
            self.derived = derived
            let rank: (Int) -> (Int, Double) =
                derived
                ? { (0, words[$0].weight) }
                : { (concepts[$0].required ? 1 : 0, concepts[$0].weight) }
            importance = concepts.indices.sorted { a, b in
                let (x, y) = (rank(a), rank(b))
                return x != y ? x > y : a < b
            }
        }
    }

    let references: [Reference]
    /// The question's graded samples, latest ``maxSamples`` only.
    let samples: [PreparedSample]
    /// Indices into ``samples`` of the accepted ones (graded strong), best graded first.
    let accepted: [Int]
    let promptStems: StemTable<Void>
    /// Every stem of the reference answers and accepted samples: what this question's good
    /// answers talk about.
    let goodStems: StemTable<Void>
    /// How relevant this question's own graded answers (partial or better) are, each measured
    /// leaving itself out: with samples, an answer as relevant as those is on the question.
    let typicalRelevance: Double?

    /// The most samples of one question that count, the latest kept: each costs a comparison
    /// per answer scored.
    static let maxSamples = 200
    /// The most accepted samples used as extra references, best graded first: each costs a
    /// scoring pass per answer.
    static let maxAcceptedReferences = 8

    /// What matching an accepted sample is worth, as a share of matching the reference answer:
    /// (grade/100)³. A sample graded 90 is worth 73%, one graded 70 only 34%: people grade a
    /// close copy of a 70-point answer about 70, not the 100 a copy of the reference earns.
    /// Measured: linear worth gave 0.013 less agreement on mohler-dev and 0.04 less on saf-dev
    /// (docs/scoring.md).
    static func referenceWorth(of grade: Double) -> Double {
        let share = grade / 100
        return share * share * share
    }

    /// Analyses `question`; its samples' own scores use `settings` (scorers sharing a
    /// ``PreparedCache`` share settings too).
    init(_ question: ScoringQuestion, analyzer: TextAnalyzer, corpus: Corpus, settings: ScorerSettings) {
        let promptWords = analyzer.words(question.prompt)
        let promptStems = StemTable(stems: promptWords.lazy.map { ($0.stem, $0.stemHash) })
        let promptFolded = Set(promptWords.map(\.folded))
        let given = question.concepts.map { concept in
            Concept(
                name: concept.name, weight: concept.weight, required: concept.required,
                terms: concept.terms.compactMap { term in
                    let words = analyzer.words(term)
                    guard !words.isEmpty, !words.allSatisfy({ promptFolded.contains($0.folded) }) else { return nil }
                    return ConceptTerm(
                        text: term, words: words.map { PhraseMatcher.Word(word: $0, exact: promptStems.contains($0.stem, hash: $0.stemHash)) })
                })
        }
        func reference(_ words: [AnalyzedWord]) -> Reference {
            var seen = StemTable<Void>()
            let all = words.filter { seen.insert($0.stem, hash: $0.stemHash) }
            let demoted = all.filter { !promptStems.contains($0.stem, hash: $0.stemHash) }
            // A reference made only of the prompt's words keeps them, or nothing could earn marks.
            let content = demoted.isEmpty ? all : demoted
            let weighted = content.map { WeightedWord(word: $0, weight: corpus.weight(of: $0.stem, hash: $0.stemHash)) }
            if !given.isEmpty { return Reference(words: weighted, concepts: given, derived: false) }
            let derived = content.map {
                Concept(
                    name: $0.surface.lowercased(), weight: 1, required: false,
                    terms: [ConceptTerm(text: $0.surface, words: [PhraseMatcher.Word(word: $0, exact: false)])])
            }
            return Reference(words: weighted, concepts: derived, derived: true)
        }
        self.promptStems = promptStems
        let referenceWords = question.references.map { analyzer.words($0) }
        references = referenceWords.map(reference)

        let kept = question.samples.suffix(Self.maxSamples)
        var samples: [PreparedSample] = []
        var indexes: [AnswerIndex] = []
        for sample in kept {
            let words = analyzer.words(sample.answer)
            let accepted = sample.score >= settings.strongThreshold && !words.isEmpty
            samples.append(
                PreparedSample(
                    label: sample.label, score: sample.score,
                    vector: SampleVector(words: words, promptStems: promptStems, corpus: corpus),
                    reference: accepted ? reference(words) : nil))
            indexes.append(AnswerIndex(words: words))
        }
        accepted = Array(
            samples.indices.filter { samples[$0].reference != nil }
                .sorted { samples[$0].score != samples[$1].score ? samples[$0].score > samples[$1].score : $0 > $1 }
                .prefix(Self.maxAcceptedReferences))
        var goodStems = StemTable(stems: referenceWords.joined().lazy.map { ($0.stem, $0.stemHash) })
        for position in accepted {
            for entry in samples[position].vector.weights.entries { goodStems.insert(entry.stem, hash: entry.hash) }
        }
        self.goodStems = goodStems
        typicalRelevance = Self.medianRelevance(of: samples, accepted: accepted, referenceWords: referenceWords, settings: settings)
        if !references.isEmpty {
            // Leave one out: a sample scored against itself would always look perfect.
            let scorer = ReferenceScorer(settings: settings)
            for position in indexes.indices {
                samples[position].ownScore = Self.bestScore(
                    indexes[position], scorer: scorer, skipping: position, references: references, accepted: accepted, samples: samples)
            }
        }
        self.samples = samples
    }

    /// The score ``conceptScore(_:_:scorer:)`` would give, without the report, leaving the
    /// accepted sample at `skipping` out.
    private static func bestScore(
        _ index: AnswerIndex, scorer: ReferenceScorer, skipping: Int, references: [Reference], accepted: [Int], samples: [PreparedSample]
    ) -> Double {
        var best = references.map { scorer.scoreOnly(index, against: $0) }.max() ?? 0
        for position in accepted where position != skipping {
            let sample = samples[position]
            guard let reference = sample.reference, 100 * Self.referenceWorth(of: sample.score) > best else { continue }
            best = max(best, scorer.scoreOnly(index, against: reference, typos: false) * Self.referenceWorth(of: sample.score))
        }
        return best
    }

    /// The median relevance of the samples graded partial or better, each against the reference
    /// answers and the other accepted samples; `nil` without such samples.
    private static func medianRelevance(
        of samples: [PreparedSample], accepted: [Int], referenceWords: [[AnalyzedWord]], settings: ScorerSettings
    ) -> Double? {
        let referenceStems = StemTable(stems: referenceWords.joined().lazy.map { ($0.stem, $0.stemHash) })
        var values: [Double] = []
        for (position, sample) in samples.enumerated() where sample.score >= settings.partialThreshold {
            var others = referenceStems
            for other in accepted where other != position {
                for entry in samples[other].vector.weights.entries { others.insert(entry.stem, hash: entry.hash) }
            }
            var total = 0.0
            var shared = 0.0
            for entry in sample.vector.weights.entries {
                let weight = entry.value
                total += weight * weight
                if others.contains(entry.stem, hash: entry.hash) { shared += weight * weight }
            }
            if total > 0 { values.append(shared / total) }
        }
        return values.isEmpty ? nil : values.sorted()[values.count / 2]
    }

    /// The norm of `answer`'s vector (for its similarity to samples), and how much of it is
    /// about this question: the share of its weight (squared idf weights, as in the similarity)
    /// in words that the reference answers or accepted samples use, 0–1. An answer to another
    /// question of the topic shares only the topic's common words, which weigh little.
    func profile(of answer: AnswerIndex, corpus: Corpus) -> (norm: Double, relevance: Double) {
        var total = 0.0
        var shared = 0.0
        for (stem, hash) in answer.stems {
            let weight = SampleVector.weight(of: stem, hash: hash, promptStems: promptStems, corpus: corpus)
            total += weight * weight
            if goodStems.contains(stem, hash: hash) { shared += weight * weight }
        }
        return (total.squareRoot(), total > 0 ? shared / total : 0)
    }

    /// The best of the reference answers and the accepted samples: the
    /// report from the best reference answer, whose concepts stay the rubric, and the score
    /// of whichever matched best.
    func conceptScore(_ index: AnswerIndex, _ answer: String, scorer: ReferenceScorer) -> (report: ScoreReport, score: Double, sample: Int?) {
        let report = references.map { scorer.score(index, answer, against: $0) }.max { $0.score < $1.score }!
        var best = (report: report, score: report.score, sample: Int?.none)
        for position in accepted {
            let sample = samples[position]
            // Worth at most its share of 100: once the best beats that, this sample cannot win.
            guard let reference = sample.reference, 100 * Self.referenceWorth(of: sample.score) > best.score else { continue }
            let score = scorer.scoreOnly(index, against: reference, typos: false) * Self.referenceWorth(of: sample.score)
            if score > best.score { best = (report, score, position) }
        }
        return best
    }
}
