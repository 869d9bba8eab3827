import Testing

@testable import RehearseScoring

/// Analyzers sharing a word cache start warm but must analyse every text exactly as an analyzer
/// of their own would, including when several use the cache at once.
@Suite struct WordCacheTests {
    let texts = [
        "Django's CSRF middleware checks a token on every unsafe request (POST, PUT, DELETE).",
        "select_related() follows foreign keys in one SQL query; prefetch_related() runs a second one.",
        "Ünïcödé Wörds, c++ and v2 stay as they are; the THE the stopwords go.",
        "It checks the tokken of unsafe requests", "", "a an the", "HTTPResponseRedirect vs JsonResponse in views.py",
    ]

    @Test func aWarmAnalyzerGivesWhatAFreshOneGives() {
        let shared = WordCache()
        let first = TextAnalyzer(shared: shared)
        for text in texts { _ = first.words(text) }
        let warm = TextAnalyzer(shared: shared)
        for text in texts {
            #expect(warm.words(text) == TextAnalyzer().words(text), "\(text)")
        }
    }

    /// Tokens are cached by their bytes: a word spelt with a composed accent and then with a
    /// decomposed one (equal as Swift strings) keeps each spelling as written.
    @Test func eachSpellingKeepsItsOwnSurface() {
        let shared = WordCache()
        let first = TextAnalyzer(shared: shared)
        let warm = TextAnalyzer(shared: shared)
        for text in ["caf\u{E9} latte", "cafe\u{301} latte"] {
            let fresh = TextAnalyzer().words(text).map { Array($0.surface.utf8) }
            #expect(first.words(text).map { Array($0.surface.utf8) } == fresh, "\(text)")
            #expect(warm.words(text).map { Array($0.surface.utf8) } == fresh, "\(text)")
            #expect(fresh.first == Array(text.split(separator: " ")[0].utf8))
        }
    }

    /// A long-lived analyzer starts keeping tokens of its own after many shared hits, and keeps
    /// what a full shared cache refuses: neither changes what it says.
    @Test func ownCachesBehindTheSharedOneChangeNothing() {
        let shared = WordCache()
        let busy = TextAnalyzer(shared: shared)
        let expected = texts.map { TextAnalyzer().words($0) }
        for _ in 0..<200 {
            #expect(texts.map { busy.words($0) } == expected)
        }
        let filler = TextAnalyzer(shared: shared)
        _ = filler.words((0..<WordCache.limit).map { "token\($0)x" }.joined(separator: " "))
        let late = TextAnalyzer(shared: shared)
        let novel = ["Brand-new vocabulary: zeppelins, quasars and marmalade.", "quasars again, and zeppelins"]
        for _ in 0..<2 {
            #expect(novel.map { late.words($0) } == novel.map { TextAnalyzer().words($0) })
        }
    }

    @Test func scorersSharingACacheScoreAsScorersOfTheirOwn() async {
        let question = ScoringQuestion(
            prompt: "What does the CSRF middleware check?", references: ["It checks a secret token sent with every unsafe request."],
            concepts: [
                ScoringConcept(name: "token", terms: ["csrf token", "secret token"]), ScoringConcept(name: "unsafe", terms: ["unsafe request"]),
            ])
        let cache = PreparedCache()
        let expected = texts.map { Scorer().score($0, for: question) }
        let reports = await withTaskGroup(of: (Int, [ScoreReport]).self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let scorer = Scorer(cache: cache)
                    return (worker, (0..<20).flatMap { _ in self.texts.map { scorer.score($0, for: question) } })
                }
            }
            var all: [[ScoreReport]] = []
            for await (_, reports) in group { all.append(reports) }
            return all
        }
        for worker in reports {
            #expect(worker == Array((0..<20).map { _ in expected }.joined()))
        }
    }
}
