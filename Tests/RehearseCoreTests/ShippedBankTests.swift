import RehearseScoring
import Testing

@testable import RehearseCore

/// The built-in scenarios and banks: clean, complete, and covering the whole guide.
@Suite struct ShippedBankTests {
    let result = try! CatalogLoader.load(.builtin, authoring: true)
    var catalog: Catalog { result.catalog }

    @Test func lintClean() {
        #expect(result.diagnostics.all.map(\.description) == [])
    }

    @Test func everyExampleGetsTheGradeItsAuthorExpected() {
        let report = BankVerifier(catalog: catalog, settings: ScorerSettings()).verify()
        #expect(report.checks.count >= 2 * catalog.questions.count)
        #expect(report.failures.map { "\($0.questionID) #\($0.number): expected \($0.expected.text), got \($0.score)" } == [])
        #expect(report.warnings.map(\.description) == [])
        // Leave one out: each example was scored with its question's other examples as samples.
        #expect(report.checks.allSatisfy { $0.conceptScore != nil })
    }

    /// A strong answer to one question, scored against another question of its topic, is weak
    /// at least 95% of the time (issue 13's discrimination check; `make test` runs it through
    /// `rehearse verify --min-discrimination 95` too).
    @Test func strongExamplesAreWeakAgainstTheOtherQuestionsOfTheirTopic() {
        let found = BankVerifier(catalog: catalog, settings: ScorerSettings()).verify().discrimination
        #expect(found.pairs > 5_000)
        #expect(
            found.share >= 0.95,
            "\(found.weak) of \(found.pairs); worst: \(found.confusions.prefix(5).map { "\($0.answered) → \($0.scoredAgainst) \($0.score)" })")
    }

    @Test func questionCountsPerTopic() {
        let byTopic = Dictionary(grouping: catalog.questions, by: \.topic).mapValues(\.count)
        #expect(catalog.questions.count >= 58)
        #expect(byTopic["django", default: 0] >= 38)
        #expect(byTopic["flask", default: 0] >= 10)
        #expect(byTopic["fastapi", default: 0] >= 10)
    }

    @Test func everyQuestionIsComplete() {
        for question in catalog.questions {
            #expect((3...6).contains(question.concepts.count), "\(question.id) has \(question.concepts.count) concepts")
            #expect(question.hints.count == 2, "\(question.id) has \(question.hints.count) hints")
            #expect(question.followUp != nil, "\(question.id) has no follow-up")
            #expect(!question.tags.isEmpty, "\(question.id) has no tags")
            #expect(!question.draft, "\(question.id) is a draft")
            #expect(question.examples.contains { $0.expect == .band(.strong) }, "\(question.id) has no strong example")
            #expect(question.examples.contains { $0.expect == .band(.weak) }, "\(question.id) has no weak example")
        }
    }

    /// Every question of the guide is in the bank exactly once: 38 Django, 2 Flask, 10 FastAPI.
    @Test(arguments: [("django", 38), ("flask", 2), ("fastapi", 10)])
    func everyGuideQuestionIsPresent(section: String, count: Int) {
        let sources = catalog.questions.compactMap(\.source).filter { $0.hasPrefix("guide:\(section):") }
        #expect(sources.sorted() == (1...count).map { "guide:\(section):\($0)" }.sorted())
    }

    @Test func extraFlaskQuestionsAreMarked() {
        let extra = catalog.questions.filter { $0.topic == "flask" && $0.source == "extra" }
        #expect(extra.count >= 8)
    }

    @Test func everyQuestionSaysWhereItCameFrom() {
        for question in catalog.questions {
            let source = question.source ?? ""
            #expect(source == "extra" || source.hasPrefix("guide:"), "\(question.id): \(source)")
        }
    }

    @Test func theFourRequiredScenariosExist() throws {
        for id in ["python-web", "django-deep-dive", "flask-fundamentals", "fastapi-quickfire"] {
            let scenario = try #require(catalog.scenario(id: id))
            #expect(catalog.pool(for: scenario).count >= (scenario.count ?? 1), "\(id)")
        }
        let main = try #require(catalog.scenario(id: "python-web"))
        #expect(main.count == 5)
        #expect(main.adaptive)
        #expect(Set(catalog.pool(for: main).map(\.topic)) == ["django", "flask", "fastapi"])
    }

    @Test func everyDifficultyIsUsedInEveryTopic() {
        for topic in ["django", "flask", "fastapi"] {
            let levels = Set(catalog.questions.filter { $0.topic == topic }.map(\.difficulty))
            #expect(levels.count >= 2, "\(topic) has only \(levels)")
        }
    }
}
