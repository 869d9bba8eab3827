import Testing

@testable import RehearseCore

/// The warnings `rehearse lint` gives authors about banks that work but test poorly.
@Suite struct AuthoringWarningTests {
    @Test func nearDuplicatePrompts() {
        let text = bank(question("demo.one"), question("demo.two"))
            .replacingOccurrences(of: "prompt: What is demo.two?", with: "prompt: What is demo.one?")
        #expect(
            lint(("b.yaml", text)).contains(
                "b.yaml:13:5: warning: the prompt of question \"demo.two\" nearly repeats that of \"demo.one\" (b.yaml:2:5); merge them or ask something different"
            ))
    }

    @Test func aConceptMostQuestionsShare() {
        let text = bank(question("demo.a"), question("demo.b"), question("demo.c"), question("demo.d"))
        #expect(
            lint(("b.yaml", text)).contains(
                "b.yaml:2:5: warning: concept \"testing\" is in 4 of the 4 questions of bank \"b\": it tells no answer apart (make it specific to each question)"
            ))
    }

    @Test func aDraftInAShippedBank() {
        let files = [ScenarioFile(path: "Scenarios/banks/b.yaml", text: bank(question("demo.one", extra: "    draft: true")))]
        let shipped = CatalogLoader.load(files: files, authoring: true, shipped: true).diagnostics.warnings.map(\.description)
        #expect(
            shipped.contains(
                "Scenarios/banks/b.yaml:2:5: warning: question \"demo.one\" is a draft in a shipped bank (review it, add hints, a follow-up and examples, then remove \"draft: true\")"
            ))
        let own = CatalogLoader.load(files: files, authoring: true, shipped: false).diagnostics.warnings
        #expect(own.isEmpty)
    }

    @Test func shippedMeansBuiltInOrTheReposScenariosFolder() {
        #expect(ScenarioSource.builtin.isShipped)
        #expect(ScenarioSource.paths(["Scenarios"]).isShipped)
        #expect(ScenarioSource.paths(["/home/ada/repo/Scenarios/banks/django.yaml"]).isShipped)
        #expect(!ScenarioSource.paths(["my-banks"]).isShipped)
    }
}
