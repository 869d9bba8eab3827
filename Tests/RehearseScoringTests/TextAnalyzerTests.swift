import Testing
import RehearseScoring

@Suite struct TextAnalyzerTests {
    @Test func snowballStems() {
        let stemmer = Stemmer()
        #expect(stemmer.stem("migrations") == "migrat")
        #expect(stemmer.stem("running") == "run")
        #expect(stemmer.stem("caching") == "cach")
        #expect(stemmer.stem("") == "")
    }

    @Test func normalisationFoldsCaseDiacriticsQuotesAndDashes() {
        #expect(TextNormalizer.normalize("Café “Django” – ＡＰＩ") == "cafe \"django\" - api")
    }

    @Test func stemsDropStopwordsAndSplitIdentifiers() {
        let analyzer = TextAnalyzer()
        #expect(analyzer.stems("The select_related call joins tables") == ["select", "relat", "call", "join", "tabl"])
        #expect(analyzer.stems("django.db.models") == ["django", "db", "model"])
    }

    @Test func termsMatchAsStemmedPhrases() {
        let matcher = TermMatcher()
        #expect(matcher.occurs("select_related", in: "I would use select related here"))
        #expect(matcher.occurs("separate queries", in: "it runs a separate query per relation"))
        #expect(!matcher.occurs("separate queries", in: "queries that are separate"))
        #expect(!matcher.occurs("the", in: "the answer"))
    }
}
