import Testing

@testable import RehearseScoring

@Suite struct ScorerTests {
    let csrf = ScoringQuestion(
        prompt: "What is CSRF, and how does Django protect against it?",
        references: ["CSRF is cross-site request forgery. Django's middleware checks a secret token on every POST form."],
        concepts: [
            ScoringConcept(name: "cross-site request forgery", terms: ["cross-site request forgery", "forged request"], weight: 2),
            ScoringConcept(name: "CSRF token", terms: ["csrf_token", "csrf token", "secret token"], weight: 3, required: true),
            ScoringConcept(name: "middleware", terms: ["middleware"]),
        ])

    @Test func emptyAnswerScoresZero() {
        for answer in ["", "   \n", "the and of"] {
            let report = Scorer().score(answer, for: csrf)
            #expect(report.score == 0)
            #expect(report.band == .weak)
            #expect(report.feedback == "no answer")
            #expect(report.matched.isEmpty)
            #expect(report.missed.map(\.concept) == ["CSRF token", "cross-site request forgery", "middleware"])
        }
    }

    @Test func fullAnswerIsStrongAndExplained() {
        let report = Scorer().score("It's cross-site request forgery; the middleware checks a secret token on POST.", for: csrf)
        #expect(report.band == .strong)
        #expect(report.score >= 90)
        #expect(report.matched.map(\.concept) == ["cross-site request forgery", "CSRF token", "middleware"])
        #expect(report.missed.isEmpty)
        #expect(report.feedback == "You covered the key points: cross-site request forgery, CSRF token and middleware.")
    }

    @Test func missedConceptsComeMostImportantFirstAndFeedbackNamesThem() {
        let report = Scorer().score("Django has middleware for it.", for: csrf)
        #expect(report.missed.map(\.concept) == ["CSRF token", "cross-site request forgery"])
        #expect(report.feedback == "You explained middleware; you didn't mention CSRF token or cross-site request forgery.")
    }

    @Test func aRequiredConceptKeepsAnAnswerOutOfStrong() {
        let question = ScoringQuestion(
            prompt: "Explain caching.", references: ["Store results in memcached or redis to reuse them."],
            concepts: [
                ScoringConcept(name: "backends", terms: ["memcached", "redis"], weight: 3),
                ScoringConcept(name: "reuse", terms: ["reuse"], required: true),
            ])
        let report = Scorer().score("Store results in memcached or redis.", for: question)
        #expect(report.band == .partial)
        #expect(report.score == 69)
    }

    /// Words of the question earn nothing (Mohler et al. 2011): restating the prompt is not an answer.
    @Test func questionDemoting() {
        let question = ScoringQuestion(
            prompt: "What is a Django signal?", references: ["A Django signal notifies decoupled receivers when a sender acts."])
        let restated = Scorer().score("A Django signal is a signal in Django.", for: question)
        #expect(restated.score == 0)
        let answered = Scorer().score("It notifies decoupled receivers.", for: question)
        #expect(answered.score > 50)
        #expect(!answered.matched.contains { $0.concept == "signal" || $0.concept == "django" })
    }

    /// A concept term sharing a stem with the prompt earns marks only as written: the command
    /// `migrate` counts for "How do migrations work?", repeating "migrations" does not.
    @Test func conceptTermsThatShareThePromptsStemMatchOnlyAsWritten() {
        let question = ScoringQuestion(
            prompt: "How do migrations work?", references: ["makemigrations writes files; migrate applies them."],
            concepts: [ScoringConcept(name: "migrate", terms: ["migrate"]), ScoringConcept(name: "makemigrations", terms: ["makemigrations"])])
        #expect(Scorer().score("Then migrate applies them.", for: question).matched.map(\.concept) == ["migrate"])
        #expect(Scorer().score("Migrations are applied.", for: question).matched.isEmpty)
        let restated = ScoringQuestion(
            prompt: "What are background tasks?", references: ["BackgroundTasks run later."],
            concepts: [ScoringConcept(name: "tasks", terms: ["background tasks"])])
        #expect(Scorer().score("background tasks", for: restated).matched.isEmpty)
    }

    @Test func conceptsAreDerivedFromTheReferenceWhenAbsent() {
        let question = ScoringQuestion(
            prompt: "What does a prototype do?", references: ["To simulate the behaviour of portions of the desired software product."])
        let report = Scorer().score("It simulates portions of the product.", for: question)
        #expect(report.derivedConcepts)
        #expect(Set(report.matched.map(\.concept)) == ["simulate", "portions", "product"])
        #expect(Set(report.missed.map(\.concept)) == ["behaviour", "desired", "software"])
    }

    @Test func theBestOfSeveralReferencesCounts() {
        let question = ScoringQuestion(prompt: "Why?", references: ["terminal one is separated by a gap", "the circuit is open"])
        #expect(Scorer().score("because the circuit is open", for: question).score == 100)
    }

    @Test func coverageSaturates() {
        let settings = ScorerSettings()
        #expect(settings.saturate(0) == 0)
        #expect(abs(settings.saturate(1) - 1) < 1e-12)
        #expect(settings.saturate(0.5) > 0.8)
        #expect(ScorerSettings(saturation: 0).saturate(0.5) == 0.5)
    }

    @Test(arguments: [(70.0, Band.strong), (69.9, .partial), (40, .partial), (39.9, .weak), (0, .weak), (100, .strong)])
    func bands(score: Double, band: Band) {
        #expect(ScorerSettings().band(for: score) == band)
    }

    @Test func bandThresholdsComeFromSettings() {
        let strict = ScorerSettings(strongThreshold: 90, partialThreshold: 60)
        #expect(strict.band(for: 85) == .partial)
        #expect(strict.band(for: 55) == .weak)
    }

    @Test func rareWordsWeighMoreThanCommonOnes() {
        var corpus = Corpus()
        for _ in 0..<9 { corpus.add(stems: ["django"]) }
        corpus.add(stems: ["django", "memcach"])
        #expect(corpus.weight(of: "memcach") > corpus.weight(of: "django"))
        #expect(Corpus().weight(of: "anything") == 1)
    }

    /// Not a timing test: a megabyte of answer must be scored, not hung on.
    @Test func aMegabyteAnswerIsScored() {
        let sentence = "The middleware checks a secret token on every POST to stop forged requests. "
        let answer = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count + 1)
        let report = Scorer().score(answer, for: csrf)
        #expect(report.band == .strong)
    }
}

/// Scorers look questions up by a key that hashes the start of their texts: equal keys must
/// hash alike, questions differing only past that start must be told apart, and questions
/// `==` but not byte for byte are two keys (never one key with two hashes).
@Suite struct QuestionKeyTests {
    @Test func equalKeysHashAlikeAndLongTextsStayApart() {
        let long = String(repeating: "A reference answer that goes on. ", count: 10)
        let first = QuestionKey(question: ScoringQuestion(prompt: "", references: [long + "first"]))
        let second = QuestionKey(question: ScoringQuestion(prompt: "", references: [long + "other"]))
        #expect(first != second)
        var table = [first: 1]
        table[second] = 2
        #expect(table[first] == 1 && table[second] == 2 && table.count == 2)
        // The same text built another way (not one stored string) is the same key.
        let rebuilt = QuestionKey(question: ScoringQuestion(prompt: "", references: [String(decoding: Array((long + "first").utf8), as: UTF8.self)]))
        #expect(rebuilt == first && rebuilt.hashValue == first.hashValue)
        // Composed and decomposed accents: `==` as questions, two keys.
        let composed = ScoringQuestion(prompt: "caf\u{E9}", references: [long])
        let decomposed = ScoringQuestion(prompt: "cafe\u{301}", references: [long])
        #expect(composed == decomposed && composed.hashValue == decomposed.hashValue)
        #expect(QuestionKey(question: composed) != QuestionKey(question: decomposed))
        // Either way, a shared cache scores both alike.
        let cache = PreparedCache()
        let answer = "caf\u{E9} reference answer"
        #expect(Scorer(cache: cache).score(answer, for: composed) == Scorer(cache: cache).score(answer, for: decomposed))
    }
}
