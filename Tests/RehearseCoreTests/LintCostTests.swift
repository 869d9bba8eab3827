import Testing

@testable import RehearseCore

/// A file that is not a bank at all, or a bank of thousands of questions, gets a short report
/// at a cost in proportion to its size.
@Suite struct LintCostTests {
    @Test func unknownKeysPastTwentyAreCountedNotListed() {
        let text = "id: x\n" + (1...1000).map { "key\($0): 1\n" }.joined()
        let errors = CatalogLoader.load(files: [ScenarioFile(path: "s.yaml", text: text)]).diagnostics.errors.map(\.description)
        #expect(errors.count == 20 + 1 + 3)  // 20 keys, the rest counted, 3 missing keys
        #expect(errors.contains("s.yaml:22:1: 980 more unknown keys in scenario \"x\" (only the first 20 are listed; is this a rehearse file?)"))
    }

    @Test func aVeryLongUnknownKeyListsTheKeys() {
        let key = String(repeating: "x", count: 100_000)
        let text = "id: x\n? \(key)\n: 1\n"
        let errors = CatalogLoader.load(files: [ScenarioFile(path: "s.yaml", text: text)]).diagnostics.errors.map(\.description)
        #expect(
            errors.contains {
                $0.hasPrefix("s.yaml:2:3: unknown key \"xxx") && $0.hasSuffix("(expected one of: \(ScenarioParser.keys.joined(separator: ", ")))")
            })
    }

    @Test func questionsOfTheWrongKindIsOneError() {
        #expect(
            lint(("b.yaml", "questions: {id: demo.one}\n")) == [
                "b.yaml:1:12: \"questions\" must be a list, got a mapping"
            ])
    }

    @Test func eachNearDuplicatePromptIsWarnedAboutOnceNamingTheFirst() {
        let text = bank(question("demo.one"), question("demo.two"), question("demo.three"))
            .replacingOccurrences(of: "What is demo.two?", with: "What is demo.one?")
            .replacingOccurrences(of: "What is demo.three?", with: "What is demo.one?")
        #expect(
            lint(("b.yaml", text)).filter { $0.contains("nearly repeats") } == [
                "b.yaml:13:5: warning: the prompt of question \"demo.two\" nearly repeats that of \"demo.one\" (b.yaml:2:5); merge them or ask something different",
                "b.yaml:24:5: warning: the prompt of question \"demo.three\" nearly repeats that of \"demo.one\" (b.yaml:2:5); merge them or ask something different",
            ])
    }

    /// Prompts made of four words out of sixteen: many near-duplicates, each found among the
    /// few earlier prompts sharing its rarest word rather than among all of them.
    @Test func nearDuplicatesInAThousandQuestions() {
        let words = [
            "model", "view", "query", "cache", "form", "token", "session", "field", "index", "signal", "router", "schema", "async", "worker",
            "thread", "lock",
        ]
        let questions = (0..<1000).map { number in
            let prompt = (0..<4).map { words[(number * ($0 + 3) + $0 * 5) % words.count] }.joined(separator: " ")
            return "  - {id: q.n\(number), topic: t, difficulty: easy, prompt: \"\(prompt)?\", answer: a b c, hints: [h], follow_up: f}"
        }
        let result = CatalogLoader.load(
            files: [ScenarioFile(path: "b.yaml", text: "questions:\n" + questions.joined(separator: "\n"))], authoring: true)
        let warnings = result.diagnostics.all.filter { $0.message.contains("nearly repeats") }
        #expect(result.catalog.questions.count == 1000)
        #expect(!warnings.isEmpty)
        #expect(Set(warnings.map(\.location)).count == warnings.count)  // once per question
    }
}
