import Foundation
import Testing

@testable import RehearseScoring

/// Inputs that used to make tokenizing quadratic (a long run of `_` or `@` was rescanned from
/// every position), and `scorer.max_answer_chars`: only the beginning of a long answer is scored.
/// The assertions are on results; a quadratic tokenizer would still pass them, only slowly.
@Suite struct TokenizerScalingTests {
    @Test func aLongRunOfUnderscoresOrAtSignsHasNoTokens() {
        #expect(Tokenizer.tokens(String(repeating: "_", count: 200_000)).isEmpty)
        #expect(Tokenizer.tokens(String(repeating: "@", count: 200_000)).isEmpty)
        #expect(Tokenizer.tokens(String(repeating: "_@", count: 100_000) + "!").isEmpty)
        #expect(TextAnalyzer().words(String(repeating: "_", count: 200_000)).isEmpty)
    }

    @Test func underscoresBeforeAWordBelongToItAndAfterItToo() {
        let run = String(repeating: "_", count: 100_000)
        let tokens = Tokenizer.tokens(run + "init" + run + " x " + run + ". __y")
        #expect(tokens.map(\.span) == [0..<200_004, 200_005..<200_006, 300_009..<300_012])
        #expect(tokens.map(\.pieces) == [["init"], ["x"], ["y"]])
    }

    @Test func shortRunsTokenizeAsBefore() {
        #expect(Tokenizer.tokens("a ____ b ___. __c @_d _@").map(\.text) == ["a", "b", "__c", "@_d"])
        #expect(Tokenizer.tokens("__init__ and @app.route").map(\.text) == ["__init__", "and", "@app.route"])
        #expect(TextAnalyzer().stems("__init__, ____ and @app.route") == ["init", "app", "rout"])
    }

    @Test func aLongIdentifierIsOneTokenWithEveryPiece() {
        let identifier = Array(repeating: "part", count: 50_000).joined(separator: "_")
        let tokens = Tokenizer.tokens("use " + identifier + " here")
        #expect(tokens.map(\.text) == ["use", identifier, "here"])
        #expect(tokens[1].pieces.count == 50_000)
        #expect(Set(tokens[1].pieces) == ["part"])
        let words = TextAnalyzer().words(identifier)
        #expect(words.count == 50_000)
        #expect(words.allSatisfy { $0.stem == "part" && $0.span == 0..<identifier.utf8.count })
    }

    @Test func aLongCamelCaseIdentifierKeepsItsPieces() {
        let identifier = String(repeating: "JsonResponse", count: 10_000)
        let tokens = Tokenizer.tokens(identifier)
        #expect(tokens.count == 1)
        #expect(tokens[0].pieces.count == 20_000)
        #expect(Set(tokens[0].pieces) == ["Json", "Response"])
    }

    // MARK: - The analysed length

    @Test func aTextWithinTheLimitIsNotCut() {
        #expect(TextLimit.cut("short", maxCharacters: 10) == nil)
        #expect(TextLimit.cut(String(repeating: "é", count: 10), maxCharacters: 10) == nil)
        #expect(TextLimit.cut(String(repeating: "x", count: 50), maxCharacters: 0) == nil)
    }

    @Test func theCutFallsOnWhitespaceNearTheLimit() throws {
        let text = String(repeating: "abcdefghi ", count: 200)  // 2,000 characters
        let cut = try #require(TextLimit.cut(text, maxCharacters: 1_005))
        #expect(text[..<cut].count == 999)
        #expect(text[..<cut].hasSuffix("abcdefghi"))
        // Right at whitespace: cut there.
        #expect(TextLimit.cut(text, maxCharacters: 1_009).map { text[..<$0].count } == 1_009)
    }

    @Test func withoutWhitespaceTheCutIsAtTheLimitOnACharacterBoundary() throws {
        let letters = String(repeating: "x", count: 2_000)
        #expect(TextLimit.cut(letters, maxCharacters: 1_000).map { letters[..<$0].count } == 1_000)
        let thumbs = String(repeating: "👍🏽", count: 30)  // two scalars, eight bytes each
        let cut = try #require(TextLimit.cut(thumbs, maxCharacters: 20))
        #expect(thumbs[..<cut] == String(repeating: "👍🏽", count: 20))
        let accents = String(repeating: "e\u{301}", count: 30)  // decomposed é
        #expect(TextLimit.cut(accents, maxCharacters: 20).map { accents[..<$0] } == Substring(String(repeating: "e\u{301}", count: 20)))
    }

    let question = ScoringQuestion(
        prompt: "What does Django's CSRF middleware check?", references: ["It checks a secret token on every POST form."],
        concepts: [ScoringConcept(name: "secret token", terms: ["secret token"])])

    @Test func onlyTheFirst20000CharactersAreScored() {
        let padding = String(repeating: "filler ", count: 3_000)  // 21,000 characters
        let late = Scorer().score(padding + "a secret token", for: question)
        #expect(late.matched.isEmpty)
        // 20,000 falls inside a word: the cut goes back to the space before it.
        #expect(late.truncatedAt == 19_998)
        #expect(late.feedback == "You didn't mention secret token — start there. Only the first 20,000 characters were scored.")

        let early = Scorer().score("a secret token " + padding, for: question)
        #expect(early.matched.map(\.concept) == ["secret token"])
        #expect(early.matched.first?.span == [2, 14])
        #expect(early.truncatedAt != nil)
        #expect(early.feedback.hasSuffix(" Only the first 20,000 characters were scored."))
    }

    @Test func aShortAnswerIsScoredWhole() {
        let report = Scorer().score("It checks a secret token.", for: question)
        #expect(report.truncatedAt == nil)
        #expect(report.feedback == "You covered the key points: secret token.")
    }

    @Test func theLimitIsASetting() {
        let answer = String(repeating: "word ", count: 100) + "a secret token"
        let capped = Scorer(settings: ScorerSettings(maxAnswerCharacters: 100)).score(answer, for: question)
        #expect(capped.matched.isEmpty)
        #expect(capped.truncatedAt == 99)  // the space before the 101st character
        #expect(capped.feedback.hasSuffix(" Only the first 100 characters were scored."))
        let unlimited = Scorer(settings: ScorerSettings(maxAnswerCharacters: 0)).score(answer, for: question)
        #expect(unlimited.matched.map(\.concept) == ["secret token"])
        #expect(unlimited.truncatedAt == nil)
        #expect(ScorerSettings().maxAnswerCharacters == 20_000)
    }

    @Test func aLongAnswerWithNoWordsSaysWhatWasScored() {
        let report = Scorer().score(String(repeating: "_", count: 1_000_000), for: question)
        #expect(report.score == 0)
        #expect(report.truncatedAt == 20_000)
        #expect(report.feedback == "no answer in the first 20,000 characters (the rest was not scored)")
    }

    @Test func truncatedAtIsInTheJSONOnlyWhenSet() throws {
        func keys(_ report: ScoreReport) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any]
            return Set(object?.keys.map { $0 } ?? [])
        }
        let long = Scorer().score(String(repeating: "filler ", count: 3_000), for: question)
        #expect(try keys(long).contains("truncated_at"))
        #expect(try !keys(Scorer().score("a secret token", for: question)).contains("truncated_at"))
        let decoded = try JSONDecoder().decode(ScoreReport.self, from: try JSONEncoder().encode(long))
        #expect(decoded == long)
    }
}
