import Testing

@testable import RehearseCore

@Suite struct SmallPartsTests {
    @Test(arguments: [("90", 90), ("90s", 90), ("2m", 120), ("1m30s", 90), ("1h", 3600), ("2 m", 120)])
    func timeLimits(text: String, seconds: Int) {
        #expect(TimeLimit.seconds(from: text) == seconds)
    }

    @Test(arguments: ["", "0", "soon", "1m30", "-5s", "5x"])
    func badTimeLimits(text: String) {
        #expect(TimeLimit.seconds(from: text) == nil)
    }

    @Test func expectations() {
        #expect(ExampleExpectation(text: "strong") == .band(.strong))
        #expect(ExampleExpectation(text: "60-80") == .range(60...80))
        #expect(ExampleExpectation(text: "80-60") == nil)
        #expect(ExampleExpectation(text: "0-101") == nil)
        #expect(ExampleExpectation(text: "great") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "promt", among: ["prompt", "answer"]) == "prompt")
        #expect(Suggestion.closest(to: "followUp", among: ["follow_up", "hints"]) == "follow_up")
        #expect(Suggestion.closest(to: "colour", among: ["prompt", "answer"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test func difficultySteps() {
        #expect(Difficulty.easy.harder == .medium)
        #expect(Difficulty.hard.harder == nil)
        #expect(Difficulty.easy.easier == nil)
        #expect(Difficulty.easy < Difficulty.hard)
    }

    @Test func filtersCombine() {
        let location = SourceLocation(path: "b.yaml", line: 1, column: 1)
        let orm = Question(id: "d.orm", topic: "django", tags: ["orm"], difficulty: .easy, prompt: "?", answer: "!", location: location)
        let csrf = Question(id: "d.csrf", topic: "django", tags: ["security"], difficulty: .hard, prompt: "?", answer: "!", location: location)
        let flask = Question(id: "f.g", topic: "flask", tags: ["orm"], difficulty: .easy, prompt: "?", answer: "!", location: location)
        let all = [orm, csrf, flask]
        #expect(QuestionFilter(topics: ["django"]).apply(all).map(\.id) == ["d.orm", "d.csrf"])
        #expect(QuestionFilter(topics: ["django"], tags: ["orm"]).apply(all).map(\.id) == ["d.orm"])
        #expect(QuestionFilter(difficulties: [.hard]).apply(all).map(\.id) == ["d.csrf"])
        #expect(Draw(topics: ["django"], tags: ["orm", "security"]).admits(csrf, inBank: "django"))
        #expect(!Draw(banks: ["flask"]).admits(csrf, inBank: "django"))
    }
}
