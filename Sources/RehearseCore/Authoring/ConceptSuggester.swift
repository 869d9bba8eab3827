import RehearseScoring

/// Suggests concepts for imported questions: code identifiers first, then the answer's most
/// distinctive words (tf-idf against the rest of the imported bank), leaving out the prompt's words.
public enum ConceptSuggester {
    /// Stems of words that appear in answers to anything and identify no idea.
    static let generic: Set<String> = [
        "help", "use", "allow", "make", "specifi", "provid", "method", "object", "way", "thing", "need", "like",
        "exampl", "differ", "includ", "work", "get", "set", "one", "two", "mani", "also", "well", "base", "type",
    ]

    /// Fills in each question's `concepts`.
    public static func suggest(_ questions: inout [ImportedQuestion], limit: Int = 4) {
        let analyzer = TermSearch()
        // Document frequencies only: each answer's stems are counted and let go, not kept.
        var corpus = Corpus()
        for question in questions { corpus.add(stems: analyzer.stems(question.answer + "\n" + (question.code ?? ""))) }
        for index in questions.indices {
            let question = questions[index]
            let promptStems = Set(analyzer.stems(question.prompt))
            var chosen: [String] = []
            var usedStems = Set<String>()
            for identifier in GuideImporter.identifiers(in: question.answer + "\n" + (question.code ?? "")).prefix(2) {
                let stems = analyzer.stems(identifier)
                guard !stems.isEmpty, !Set(stems).isSubset(of: promptStems), usedStems.isDisjoint(with: stems) else { continue }
                chosen.append(identifier)
                usedStems.formUnion(stems)
            }
            let answerWords = analyzer.foldedWordsWithStems(question.answer)
            var frequency: [String: (count: Int, surface: String)] = [:]
            for word in answerWords where !promptStems.contains(word.stem) && !usedStems.contains(word.stem) {
                frequency[word.stem] = ((frequency[word.stem]?.count ?? 0) + 1, frequency[word.stem]?.surface ?? word.folded)
            }
            let ranked = frequency.map { (stem: $0.key, surface: $0.value.surface, weight: Double($0.value.count) * corpus.weight(of: $0.key)) }
                .filter { $0.surface.count > 2 && $0.surface.first?.isLetter == true && !generic.contains($0.stem) }
                .sorted { ($0.weight, $1.surface) > ($1.weight, $0.surface) }
            for word in ranked where chosen.count < limit { chosen.append(word.surface) }
            if chosen.isEmpty, let any = answerWords.first { chosen.append(any.folded) }
            questions[index].concepts = chosen.map { Concept(name: $0, terms: [$0]) }
        }
    }
}
