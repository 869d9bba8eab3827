import RehearseScoring

/// Suggests concepts for imported questions: code identifiers first, then terms of two words the
/// answer repeats, then the answer's most distinctive words (tf-idf against the rest of the
/// imported bank). Left out: the prompt's words, function words, words that say nothing on their
/// own, and words common across the guide, which would earn credit for any answer and reach the
/// learner as "you didn't mention between".
public enum ConceptSuggester {
    /// Stems of words that appear in answers to anything and identify no idea.
    static let generic: Set<String> = [
        "help", "use", "allow", "make", "specifi", "provid", "method", "object", "way", "thing", "need", "like",
        "exampl", "differ", "includ", "work", "get", "set", "one", "two", "mani", "also", "well", "base", "type",
    ]

    /// Function and filler words that a stemmer keeps but no rubric wants as a concept.
    static let functionWords: Set<String> = [
        "between", "every", "each", "true", "false", "answer", "answers", "question", "questions", "code", "example",
        "examples", "other", "another", "within", "without", "across", "along", "among", "around", "upon", "via",
        "using", "used", "uses", "usually", "often", "always", "never", "sometimes", "rather", "instead", "whether",
        "which", "while", "where", "when", "what", "who", "whom", "whose", "why", "there", "these", "those", "this",
        "then", "thus", "also", "only", "even", "still", "yet", "very", "much", "more", "most", "less", "least",
        "same", "different", "various", "several", "certain", "able", "etc", "eg", "ie", "like", "such", "many",
        "first", "second", "new", "old", "good", "better", "best", "important", "main", "simple", "easy", "just",
    ]

    /// Fills in each question's `concepts`.
    public static func suggest(_ questions: inout [ImportedQuestion], limit: Int = 4) {
        let analyzer = TermSearch()
        // Document frequencies only: each answer's stems are counted and let go, not kept.
        var corpus = Corpus()
        for question in questions { corpus.add(stems: analyzer.stems(question.answer + "\n" + (question.code ?? ""))) }
        // A word a quarter of a guide's answers use is the guide's vocabulary, not an idea.
        let common = { (stem: String) in corpus.documents >= 8 && corpus.documentFrequency(of: stem) * 4 > corpus.documents }
        func isContent(_ word: (folded: String, stem: String), _ promptStems: Set<String>) -> Bool {
            word.folded.count > 2 && word.folded.first?.isLetter == true && !promptStems.contains(word.stem)
                && !generic.contains(word.stem) && !functionWords.contains(word.folded) && !Stopwords.contains(word.folded)
                && !common(word.stem)
        }
        for index in questions.indices {
            let question = questions[index]
            let promptStems = Set(analyzer.stems(question.prompt))
            var chosen: [String] = []
            var usedStems = Set<String>()
            func take(_ term: String, stems: [String]) {
                guard chosen.count < limit, !stems.isEmpty, usedStems.isDisjoint(with: stems) else { return }
                chosen.append(term)
                usedStems.formUnion(stems)
            }
            for identifier in GuideImporter.identifiers(in: question.answer + "\n" + (question.code ?? "")).prefix(2) {
                let stems = analyzer.stems(identifier)
                guard !Set(stems).isSubset(of: promptStems) else { continue }
                take(identifier, stems: stems)
            }
            let answerWords = analyzer.foldedWordsWithStems(question.answer)
            // Two content words in a row that the answer says at least twice: a term worth a concept.
            var pairs: [String: (count: Int, surface: String, stems: [String])] = [:]
            for (first, second) in zip(answerWords, answerWords.dropFirst())
            where isContent(first, promptStems) && isContent(second, promptStems) && first.stem != second.stem {
                let key = first.stem + " " + second.stem
                pairs[key] = ((pairs[key]?.count ?? 0) + 1, first.folded + " " + second.folded, [first.stem, second.stem])
            }
            for pair in pairs.values.filter({ $0.count >= 2 }).sorted(by: { ($0.count, $1.surface) > ($1.count, $0.surface) }).prefix(1) {
                take(pair.surface, stems: pair.stems)
            }
            var frequency: [String: (count: Int, surface: String)] = [:]
            for word in answerWords where isContent(word, promptStems) && !usedStems.contains(word.stem) {
                frequency[word.stem] = ((frequency[word.stem]?.count ?? 0) + 1, frequency[word.stem]?.surface ?? word.folded)
            }
            let ranked = frequency.map { (stem: $0.key, surface: $0.value.surface, weight: Double($0.value.count) * corpus.weight(of: $0.key)) }
                .sorted { ($0.weight, $1.surface) > ($1.weight, $0.surface) }
            for word in ranked { take(word.surface, stems: [word.stem]) }
            if chosen.isEmpty, let any = answerWords.first(where: { isContent($0, promptStems) }) ?? answerWords.first { chosen.append(any.folded) }
            questions[index].concepts = chosen.map { Concept(name: $0, terms: [$0]) }
        }
    }
}
