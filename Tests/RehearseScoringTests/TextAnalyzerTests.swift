import Testing

@testable import RehearseScoring

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
        #expect(TextNormalizer.normalize("ASCII Only") == "ascii only")
    }

    @Test func stopwordsGoNegationsStay() {
        let analyzer = TextAnalyzer()
        #expect(analyzer.stems("The view is not called before the middleware") == ["view", "not", "call", "befor", "middlewar"])
    }

    @Test func identifiersYieldTheirPieces() {
        let analyzer = TextAnalyzer()
        #expect(analyzer.stems("select_related") == ["select", "relat"])
        #expect(analyzer.stems("django.db.models") == ["django", "db", "model"])
        #expect(analyzer.stems("@app.middleware") == ["app", "middlewar"])
        #expect(analyzer.stems("__init__") == ["init"])
        #expect(analyzer.stems("HttpResponseForbidden") == ["http", "respons", "forbidden"])
        #expect(analyzer.stems("csrf_token") == ["csrf", "token"])
    }

    @Test func numbersAndLanguageNamesStayWhole() {
        let analyzer = TextAnalyzer()
        #expect(analyzer.stems("c++ and c# cost 0.6 or 1.5") == ["c++", "c#", "cost", "0.6", "1.5"])
        #expect(analyzer.stems("the N+1 query problem") == ["n+1", "queri", "problem"])
    }

    @Test func spansPointIntoTheOriginalText() {
        let text = "Use “select_related” here"
        let words = TextAnalyzer().words(text)
        #expect(words.map(\.surface) == ["Use", "select", "related"])
        let span = words[1].span
        let bytes = Array(text.utf8)[span]
        #expect(String(decoding: bytes, as: UTF8.self) == "select_related")
    }

    @Test func tokensKeepCodeWhole() {
        #expect(Tokenizer.tokens("use @app.middleware(\"http\") or c++").map(\.text) == ["use", "@app.middleware", "http", "or", "c++"])
        #expect(Tokenizer.tokens("django.db.models.").map(\.text) == ["django.db.models"])
        #expect(Tokenizer.tokens("Éclair, naïve").map(\.text) == ["Éclair", "naïve"])
    }
}
