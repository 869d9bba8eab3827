import Testing

@testable import RehearseScoring

/// Phrases, gaps and typos: each fixture marks with ⟦…⟧ the evidence the scorer must report.
@Suite struct ConceptMatchingTests {
    func match(_ term: String, _ marked: String) -> [Int]? {
        let fixture = MarkedText(marked)
        let question = ScoringQuestion(prompt: "Explain it.", references: ["reference"], concepts: [ScoringConcept(name: "c", terms: [term])])
        return Scorer().score(fixture.text, for: question).matched.first?.span
    }

    @Test(arguments: [
        ("select_related", "I would call ⟦select_related⟧ on the queryset"),
        ("select_related", "I would ⟦select related⟧ rows"),
        ("select related", "Use ⟦select_related⟧."),
        ("separate queries", "it runs a ⟦separate SQL queries⟧ per relation"),
        ("separate queries", "⟦Separate queries⟧!"),
        ("csrf token", "a ⟦CSRF_TOKEN⟧ tag"),
        ("middleware", "the ⟦middlewares⟧ run"),
        ("JsonResponse", "return a ⟦JSON response⟧"),
        ("@app.middleware", "decorate it with ⟦@app.middleware⟧(\"http\")"),
    ])
    func matchesAndReportsTheSpan(term: String, marked: String) {
        #expect(match(term, marked) == MarkedText(marked).span, "\(term) in \(marked)")
    }

    @Test func atMostOneWordBetweenPhraseWords() {
        #expect(match("separate queries", "separate and distinct SQL queries") == nil)
        #expect(match("separate queries", "queries that are separate") == nil)
    }

    @Test func oneTypoInLongWords() {
        #expect(match("serializer", "a ⟦serialiser⟧ class") == [2, 12])
        #expect(match("middleware", "the ⟦midleware⟧ layer") == [4, 13])
        #expect(match("middleware", "the ⟦middlewrae⟧ layer") == [4, 14])
        #expect(match("middleware", "the mdlewear layer") == nil)
    }

    @Test func noTypoToleranceInShortWords() {
        #expect(match("cache", "a cashe layer") == nil)
        #expect(match("query", "a quary") == nil)
    }

    @Test func stopwordOnlyTermsNeverMatch() {
        #expect(match("the", "the answer") == nil)
    }
}
