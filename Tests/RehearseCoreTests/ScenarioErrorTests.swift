import Testing

@testable import RehearseCore

/// One test per kind of problem in a scenario file.
@Suite struct ScenarioErrorTests {
    let demoBank = ("banks/demo.yaml", bank(question("demo.one"), question("demo.two", difficulty: "medium", extra: "    tags: [orm]")))

    func scenario(_ body: String) -> (path: String, text: String) {
        ("s.yaml", "id: demo-drill\ntitle: Demo drill\ninterviewer: {name: Sam}\n" + body)
    }

    @Test func validScenario() throws {
        let result = CatalogLoader.load(
            files: [demoBank, scenario("draw: {topics: [demo]}\ncount: 2\n")].map { ScenarioFile(path: $0.0, text: $0.1) })
        let catalog = try result.validCatalog()
        let drill = try #require(catalog.scenario(id: "demo-drill"))
        #expect(catalog.pool(for: drill).map(\.id) == ["demo.one", "demo.two"])
        #expect(drill.interviewer.greeting == "Hi, I'm Sam. Let's begin.")
        #expect(drill.startDifficulty == .easy)
        #expect(!drill.adaptive)
    }

    @Test func drawFromATopicWithNoQuestions() {
        #expect(
            lint(demoBank, scenario("draw: {topics: [demos]}\n")) == [
                "s.yaml:1:1: scenario \"demo-drill\" draws from topic \"demos\", which has no questions (did you mean \"demo\"?)"
            ])
    }

    @Test func drawFromATagNoQuestionHas() {
        #expect(
            lint(demoBank, scenario("draw: {tags: [security]}\n")) == [
                "s.yaml:1:1: scenario \"demo-drill\" draws from tag \"security\", which no question has (expected one of: orm)"
            ])
    }

    @Test func drawFromABankThatIsNotLoaded() {
        #expect(
            lint(demoBank, scenario("draw: {banks: [dmeo]}\n")) == [
                "s.yaml:1:1: scenario \"demo-drill\" draws from bank \"dmeo\", which is not loaded (did you mean \"demo\"?)"
            ])
    }

    @Test func topicAndTagThatExistButNeverTogether() {
        #expect(
            lint(demoBank, scenario("draw: {topics: [demo], tags: [orm]}\ndifficulty: easy\n")).contains {
                $0.contains("unknown key \"difficulty\" in scenario \"demo-drill\" (did you mean \"start_difficulty\"?)")
            })
        let text = bank(question("demo.one"), question("other.two", topic: "other", extra: "    tags: [orm]"))
        #expect(
            lint(("banks/demo.yaml", text), scenario("draw: {topics: [demo], tags: [orm]}\n")) == [
                "s.yaml:1:1: scenario \"demo-drill\" draws no questions (no question matches all of its topics and tags)"
            ])
    }

    @Test func countAboveThePoolIsAWarning() {
        #expect(
            lint(demoBank, scenario("draw: {topics: [demo]}\ncount: 9\n")) == [
                "s.yaml:1:1: warning: scenario \"demo-drill\" asks 9 questions but draws only 2 (lower \"count\" or widen \"draw\")"
            ])
    }

    @Test func countMustBeAWholeNumber() {
        #expect(
            lint(demoBank, scenario("draw: {}\ncount: five\n")) == [
                "s.yaml:5:8: \"count\" must be a whole number, got \"five\""
            ])
    }

    @Test func adaptiveMustBeABoolean() {
        #expect(
            lint(demoBank, scenario("draw: {}\nadaptive: sometimes\n")) == [
                "s.yaml:5:11: \"adaptive\" must be true or false, got \"sometimes\""
            ])
    }

    @Test func badStartDifficulty() {
        #expect(
            lint(demoBank, scenario("draw: {}\nstart_difficulty: expert\n")) == [
                "s.yaml:5:19: unknown difficulty \"expert\" (expected easy, medium or hard)"
            ])
    }

    @Test func badTimeLimit() {
        #expect(
            lint(demoBank, scenario("draw: {}\ntime_limit: soon\n")) == [
                "s.yaml:5:13: \"time_limit\" must be a duration such as 90s, 2m or 1m30s, got \"soon\""
            ])
    }

    @Test func missingDraw() {
        #expect(lint(demoBank, scenario("")) == ["s.yaml:1:1: scenario \"demo-drill\" is missing \"draw\""])
    }

    @Test func interviewerNeedsAName() {
        let text = "id: demo-drill\ntitle: Demo\ninterviewer: {greeting: Hi}\ndraw: {}\n"
        #expect(lint(demoBank, ("s.yaml", text)) == ["s.yaml:3:14: interviewer of scenario \"demo-drill\" is missing \"name\""])
    }

    @Test func duplicateScenarioIDs() {
        let first = scenario("draw: {}\n")
        #expect(
            lint(demoBank, first, ("t.yaml", first.text)) == [
                "t.yaml:1:1: duplicate scenario id \"demo-drill\" (first used at s.yaml:1:1)"
            ])
    }
}
