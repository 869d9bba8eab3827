import Testing

@testable import RehearseCore

/// Every number a bank or scenario holds is range-checked where it is written: an absurd one
/// is an error quoting it and naming the allowed range, never a crash later in scoring.
@Suite struct NumberRangeTests {
    let demoBank = ("banks/demo.yaml", bank(question("demo.one"), question("demo.two", difficulty: "medium")))

    /// The demo question with `weight: VALUE` under its concept, at line 10, column 17.
    func weighted(_ value: String) -> String {
        bank(question("demo.one")).replacingOccurrences(of: "terms: [testing]", with: "terms: [testing]\n        weight: \(value)")
    }

    func scenario(_ body: String) -> (path: String, text: String) {
        ("s.yaml", "id: demo-drill\ntitle: Demo drill\ninterviewer: {name: Sam}\ndraw: {}\n" + body)
    }

    // MARK: Concept weights

    @Test func hugeWeightsAreRefusedNotSummedToInfinity() {
        let text = bank(question("demo.one")).replacingOccurrences(
            of: "      - name: testing\n        terms: [testing]",
            with: "      - {name: testing, terms: [testing], weight: 1e308}\n      - {name: tests, terms: [tests], weight: 1e308}")
        let result = CatalogLoader.load(files: [ScenarioFile(path: "b.yaml", text: text)])
        #expect(
            result.diagnostics.errors.map(\.description) == [
                "b.yaml:8:51: \"weight\" of concept \"testing\" of question \"demo.one\" must be greater than 0 and at most 100, got 1e308 (weights are relative: 2 counts twice as much as 1)",
                "b.yaml:9:47: \"weight\" of concept \"tests\" of question \"demo.one\" must be greater than 0 and at most 100, got 1e308 (weights are relative: 2 counts twice as much as 1)",
            ])
        #expect(throws: CoreError.self) { try result.validCatalog() }
    }

    @Test func weightAboveTheMaximum() {
        #expect(
            lint(("b.yaml", weighted("101"))) == [
                "b.yaml:10:17: \"weight\" of concept \"testing\" of question \"demo.one\" must be greater than 0 and at most 100, got 101 (weights are relative: 2 counts twice as much as 1)"
            ])
    }

    @Test func weightBeyondADouble() {
        #expect(lint(("b.yaml", weighted("1e400"))) == ["b.yaml:10:17: \"weight\" must be a finite number, got \"1e400\""])
    }

    @Test func weightNotANumber() {
        #expect(lint(("b.yaml", weighted("nan"))) == ["b.yaml:10:17: \"weight\" must be a finite number, got \"nan\""])
    }

    @Test func negativeWeight() {
        #expect(
            lint(("b.yaml", weighted("-2"))) == [
                "b.yaml:10:17: \"weight\" of concept \"testing\" of question \"demo.one\" must be greater than 0, got -2"
            ])
    }

    @Test(arguments: ["100", "0.5", "2"])
    func weightsInRangeLoad(value: String) throws {
        let result = CatalogLoader.load(files: [ScenarioFile(path: "b.yaml", text: weighted(value))])
        let catalog = try result.validCatalog()
        #expect(catalog.questions.first?.concepts.first?.weight == Double(value))
    }

    // MARK: Concepts per question

    @Test func tooManyConcepts() {
        let concepts = (1...101).map { "{name: c\($0), terms: [c\($0)]}" }.joined(separator: ", ")
        let text = bank(question("demo.one")).replacingOccurrences(
            of: "    concepts:\n      - name: testing\n        terms: [testing]", with: "    concepts: [\(concepts)]")
        #expect(
            lint(("b.yaml", text)).filter { !$0.contains("warning:") } == [
                "b.yaml:7:15: question \"demo.one\" has 101 concepts (at most 100; keep the few ideas a good answer must mention)"
            ])
    }

    // MARK: Example score ranges

    @Test(arguments: ["0-101", "80-60", "99999999999999999999-100"])
    func scoreRangeOutOfBounds(range: String) {
        let examples = "    examples:\n      - answer: It is testing.\n        expect: \(range)"
        #expect(
            lint(("b.yaml", bank(question("demo.one", extra: examples)))) == [
                "b.yaml:14:17: score range \"\(range)\" must run from a low score to a high one, both from 0 to 100 (e.g. 60-80)"
            ])
    }

    // MARK: Scenario count

    @Test(arguments: ["0", "-3", "1001", "99999999999999999999"])
    func countOutOfRange(count: String) {
        #expect(
            lint(demoBank, scenario("count: \(count)\n")) == [
                "s.yaml:5:8: \"count\" must be a whole number from 1 to 1000, got \"\(count)\""
            ])
    }

    @Test func countAtTheMaximumLoads() throws {
        let result = CatalogLoader.load(files: [demoBank, scenario("count: 1000\n")].map { ScenarioFile(path: $0.0, text: $0.1) })
        #expect(result.diagnostics.errors.isEmpty)
        #expect(result.catalog.scenario(id: "demo-drill")?.count == 1000)
    }

    // MARK: Scenario time limit

    @Test(arguments: ["0", "0s", "25h", "86401", "99999999999999999999h", "9999999999999999m"])
    func timeLimitOutOfRange(limit: String) {
        #expect(
            lint(demoBank, scenario("time_limit: \(limit)\n")) == [
                "s.yaml:5:13: \"time_limit\" must be from 1s to 24h, got \"\(limit)\""
            ])
    }

    @Test func timeLimitOfADayLoads() throws {
        let result = CatalogLoader.load(files: [demoBank, scenario("time_limit: 24h\n")].map { ScenarioFile(path: $0.0, text: $0.1) })
        #expect(result.diagnostics.errors.isEmpty)
        #expect(result.catalog.scenario(id: "demo-drill")?.timeLimit == 86_400)
    }

    @Test func durationsTooLongToCountAreNoDurations() {
        #expect(TimeLimit.seconds(from: "99999999999999999999h") == nil)
        #expect(TimeLimit.seconds(from: "9223372036854775807s") == nil)
        #expect(TimeLimit.duration(from: "3000000000000000h") == Int.max)
        #expect(TimeLimit.duration(from: "0") == 0)
    }
}
