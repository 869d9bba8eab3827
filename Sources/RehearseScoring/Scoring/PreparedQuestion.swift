/// A question analysed once, so that scoring many answers to it stays cheap.
struct PreparedQuestion: Sendable {
    /// One concept with its terms analysed.
    struct Concept: Sendable {
        let name: String
        let weight: Double
        let required: Bool
        /// Each term's words; a term made only of words the prompt itself uses is left out (it
        /// earns nothing), and a term word that shares a stem with a prompt word matches only
        /// as written — `migrate` still earns marks for "How do migrations work?", "migrations" does not.
        let terms: [(text: String, words: [PhraseMatcher.Word])]
    }

    /// One reference answer: its content words after demoting the prompt's, with idf weights.
    struct Reference: Sendable {
        let words: [(word: AnalyzedWord, weight: Double)]
        let concepts: [Concept]
        let derived: Bool
        /// Concept indices, most important first: required, then heaviest (or rarest, for
        /// derived concepts), then in the author's order.
        let importance: [Int]

        init(words: [(word: AnalyzedWord, weight: Double)], concepts: [Concept], derived: Bool) {
            self.words = words
            self.concepts = concepts
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

    init(_ question: ScoringQuestion, analyzer: TextAnalyzer, corpus: Corpus) {
        let promptWords = analyzer.words(question.prompt)
        let promptStems = Set(promptWords.map(\.stem))
        let promptFolded = Set(promptWords.map(\.folded))
        let given = question.concepts.map { concept in
            Concept(
                name: concept.name, weight: concept.weight, required: concept.required,
                terms: concept.terms.compactMap { term in
                    let words = analyzer.words(term)
                    guard !words.isEmpty, !words.allSatisfy({ promptFolded.contains($0.folded) }) else { return nil }
                    return (term, words.map { PhraseMatcher.Word(word: $0, exact: promptStems.contains($0.stem)) })
                })
        }
        references = question.references.map { text in
            var seen = Set<String>()
            let all = analyzer.words(text).filter { seen.insert($0.stem).inserted }
            let demoted = all.filter { !promptStems.contains($0.stem) }
            // A reference made only of the prompt's words keeps them, or nothing could earn marks.
            let content = demoted.isEmpty ? all : demoted
            let weighted = content.map { ($0, corpus.weight(of: $0.stem)) }
            if !given.isEmpty { return Reference(words: weighted, concepts: given, derived: false) }
            let derived = content.map {
                Concept(
                    name: $0.surface.lowercased(), weight: 1, required: false, terms: [($0.surface, [PhraseMatcher.Word(word: $0, exact: false)])])
            }
            return Reference(words: weighted, concepts: derived, derived: true)
        }
    }
}
