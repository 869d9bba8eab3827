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
    private let analyzer: TextAnalyzer
    let referenceScorer: ReferenceScorer
    private var prepared: [QuestionKey: PreparedQuestion] = [:]
    private let shared: PreparedCache?
    /// Batches score many answers to one question in a row: an equality check beats hashing.
    private var lastPrepared: (question: ScoringQuestion, prepared: PreparedQuestion)?

    /// Creates a scorer; `corpus` supplies idf weights (an empty one weighs every word the same).
    /// Scorers with the same corpus and settings may share `cache`, so each question (and each
    /// word) is analysed once.
    public init(settings: ScorerSettings = ScorerSettings(), corpus: Corpus = Corpus(), cache: PreparedCache? = nil) {
        self.settings = settings
        self.corpus = corpus
        referenceScorer = ReferenceScorer(settings: settings)
        shared = cache
        analyzer = TextAnalyzer(shared: cache?.words)
    }

    /// The content words of `text`, with this scorer's analyzer.
    func analyzerWords(_ text: String) -> [AnalyzedWord] { analyzer.words(text) }

    /// The stems of `text`, with this scorer's analyzer (for building a ``Corpus``).
    public func stems(_ text: String) -> [String] { analyzer.stems(text) }

    /// Scores `answer` against `question`. Only its first `settings.maxAnswerCharacters`
    /// characters are analysed; the report of a longer answer says where scoring stopped.
    public func score(_ answer: String, for question: ScoringQuestion) -> ScoreReport {
        guard let cut = TextLimit.cut(answer, maxCharacters: settings.maxAnswerCharacters) else {
            return score(answer, analysed: answer, for: question)
        }
        return score(answer, analysed: String(answer[..<cut]), for: question)
            .truncated(at: answer[..<cut].utf8.count, limit: settings.maxAnswerCharacters)
    }

    /// Scores `answer` by the words of `analysed`, its beginning or all of it.
    private func score(_ answer: String, analysed: String, for question: ScoringQuestion) -> ScoreReport {
        let index = AnswerIndex(words: analyzer.words(analysed))
        let question = prepare(question)
        if index.isEmpty || question.references.isEmpty {
            let missed = question.references.first.map(referenceScorer.missedAll) ?? []
            return ScoreReport(
                score: 0, band: .weak, matched: [], missed: missed, feedback: "no answer",
                conceptCoverage: 0, overlap: 0, derivedConcepts: question.references.first?.derived ?? true)
        }
        let best = question.conceptScore(index, answer, scorer: referenceScorer)
        guard !question.samples.isEmpty else { return best.report }

        let (norm, relevance) = question.profile(of: index, corpus: corpus)
        let neighbours = NeighbourGrade(answer: index, norm: norm, samples: question.samples, settings: settings)
        // An answer whose words are mostly not the good answers' words is probably about something
        // else, however many of the topic's common words it uses: scale it down towards 0. The
        // line is lower for a question whose own graded answers are less alike; the square root
        // spares answers just under it (both measured in docs/scoring.md).
        let floor = min(settings.sampleRelevance, question.typicalRelevance ?? settings.sampleRelevance)
        let gate = floor > 0 ? min(1, relevance / floor).squareRoot() : 1
        var score = (min(100, max(0, (best.score + neighbours.shift) * gate)) * 10).rounded() / 10
        if best.report.missed.contains(where: \.required), score >= settings.strongThreshold {
            score = max(0, settings.strongThreshold - 1)  // samples do not lift an answer over a required concept
        }
        let matchedSample = best.sample.map { question.samples[$0] }.map {
            SampleNeighbour(
                label: $0.label, score: $0.score, similarity: ($0.vector.similarity(to: index, answerNorm: norm) * 1000).rounded() / 1000,
                scored: $0.ownScore)
        }
        return best.report.moved(
            to: score, band: settings.band(for: score), conceptScore: best.score, matchedSample: matchedSample,
            closestSamples: neighbours.closest, relevance: (relevance * 1000).rounded() / 1000)
    }

    func prepare(_ question: ScoringQuestion) -> PreparedQuestion {
        if let last = lastPrepared, last.question == question { return last.prepared }
        let make = { PreparedQuestion(question, analyzer: self.analyzer, corpus: self.corpus, settings: self.settings) }
        let result: PreparedQuestion
        if let shared {
            // The shared cache first: a table of this scorer's own in front of it hashed each
            // new question twice more (a daemon's session asks each question once). The own
            // table still keeps what the shared one, which starts over when full, may drop.
            result = shared.value(for: question) {
                if let known = prepared[QuestionKey(question: question)] { return known }
                let made = make()
                prepared[QuestionKey(question: question)] = made
                return made
            }
        } else if let known = prepared[QuestionKey(question: question)] {
            result = known
        } else {
            result = make()
            prepared[QuestionKey(question: question)] = result
        }
        lastPrepared = (question, result)
        return result
    }
}
