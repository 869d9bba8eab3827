import Foundation

/// Scores free-text answers against a question's concepts and reference answer, and explains
/// the score. See docs/scoring.md for the method and its measured agreement with human graders.
///
/// Holds a ``TextAnalyzer`` (libstemmer is not thread-safe): use one scorer per task.
public final class Scorer {
    /// The global parameters.
    public let settings: ScorerSettings
    /// The documents idf weights come from.
    public let corpus: Corpus
    private let analyzer = TextAnalyzer()
    private var prepared: [ScoringQuestion: PreparedQuestion] = [:]
    private let shared: PreparedCache?
    /// Batches score many answers to one question in a row: an equality check beats hashing.
    private var lastPrepared: (question: ScoringQuestion, prepared: PreparedQuestion)?

    /// Creates a scorer; `corpus` supplies idf weights (an empty one weighs every word the same).
    /// Scorers with the same corpus may share `cache`, so each question is analysed once.
    public init(settings: ScorerSettings = ScorerSettings(), corpus: Corpus = Corpus(), cache: PreparedCache? = nil) {
        self.settings = settings
        self.corpus = corpus
        shared = cache
    }

    /// The stems of `text`, with this scorer's analyzer (for building a ``Corpus``).
    public func stems(_ text: String) -> [String] { analyzer.stems(text) }

    /// Scores `answer` against `question`. Only its first `settings.maxAnswerCharacters`
    /// characters are analysed; the report of a longer answer says where scoring stopped.
    public func score(_ answer: String, for question: ScoringQuestion) -> ScoreReport {
        guard let cut = TextLimit.cut(answer, maxCharacters: settings.maxAnswerCharacters) else {
            return score(answer, analysed: answer, for: question)
        }
        let report = score(answer, analysed: String(answer[..<cut]), for: question)
        return ScoreReport(
            score: report.score, band: report.band, matched: report.matched, missed: report.missed,
            feedback: FeedbackWriter.noting(truncationAt: settings.maxAnswerCharacters, to: report.feedback),
            conceptCoverage: report.conceptCoverage, overlap: report.overlap, derivedConcepts: report.derivedConcepts,
            truncatedAt: answer[..<cut].utf8.count)
    }

    /// Scores `answer` by the words of `analysed`, its beginning or all of it.
    private func score(_ answer: String, analysed: String, for question: ScoringQuestion) -> ScoreReport {
        let index = AnswerIndex(words: analyzer.words(analysed))
        let question = prepare(question)
        if index.isEmpty || question.references.isEmpty {
            let missed = question.references.first.map(missedAll) ?? []
            return ScoreReport(
                score: 0, band: .weak, matched: [], missed: missed, feedback: "no answer",
                conceptCoverage: 0, overlap: 0, derivedConcepts: question.references.first?.derived ?? true)
        }
        return question.references.map { score(index, answer, against: $0) }.max { $0.score < $1.score }!
    }

    private func prepare(_ question: ScoringQuestion) -> PreparedQuestion {
        if let last = lastPrepared, last.question == question { return last.prepared }
        let result =
            prepared[question] ?? shared?.value(for: question) { PreparedQuestion(question, analyzer: analyzer, corpus: corpus) }
            ?? PreparedQuestion(question, analyzer: analyzer, corpus: corpus)
        prepared[question] = result
        lastPrepared = (question, result)
        return result
    }

    private func score(_ index: AnswerIndex, _ answer: String, against reference: PreparedQuestion.Reference) -> ScoreReport {
        let totalWeight = reference.words.reduce(0) { $0 + $1.weight }
        let found = reference.words.filter { index.contains($0.word) }
        let overlap = totalWeight > 0 ? found.reduce(0) { $0 + $1.weight } / totalWeight : 0

        var matched: [ConceptMatch] = []
        var missedIndices = Set<Int>()
        var foundWeight = 0.0
        // A derived concept is one reference word: the overlap pass has already looked for it.
        let foundStems = reference.derived ? Set(found.map(\.word.stem)) : []
        for (position, concept) in reference.concepts.enumerated() {
            if reference.derived, let word = concept.terms.first?.words.first, !foundStems.contains(word.word.stem) {
                missedIndices.insert(position)
                continue
            }
            if let match = firstMatch(of: concept, in: index, answer: answer) {
                matched.append(match)
                foundWeight += concept.weight
            } else {
                missedIndices.insert(position)
            }
        }
        let missed = reference.importance.filter(missedIndices.contains).map { reference.concepts[$0] }
            .map { MissedConcept(concept: $0.name, weight: $0.weight, required: $0.required) }
        let conceptWeight = reference.concepts.reduce(0) { $0 + $1.weight }
        let coverage = conceptWeight > 0 ? foundWeight / conceptWeight : overlap

        let blended =
            (settings.conceptWeight * settings.saturate(coverage) + settings.overlapWeight * settings.saturate(overlap))
            / max(settings.conceptWeight + settings.overlapWeight, .leastNonzeroMagnitude)
        var score = (blended * 1000).rounded() / 10
        if missed.contains(where: \.required), score >= settings.strongThreshold {
            score = max(0, settings.strongThreshold - 1)  // a required concept keeps the answer out of strong
        }
        return ScoreReport(
            score: score, band: settings.band(for: score), matched: matched, missed: missed,
            feedback: FeedbackWriter.sentence(matched: matched.map(\.concept), missed: missed.map(\.concept)),
            conceptCoverage: coverage, overlap: overlap, derivedConcepts: reference.derived)
    }

    private func firstMatch(of concept: PreparedQuestion.Concept, in index: AnswerIndex, answer: String) -> ConceptMatch? {
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

    private func missedAll(_ reference: PreparedQuestion.Reference) -> [MissedConcept] {
        reference.importance.map { reference.concepts[$0] }.map { MissedConcept(concept: $0.name, weight: $0.weight, required: $0.required) }
    }
}
