import Foundation
import Testing

@testable import RehearseCore

/// The guide styles common on GitHub, each a fixture written for these tests, with the exact
/// questions, topics and levels they must give.
@Suite struct GuideStyleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/guides")

    func importGuide(_ name: String, lineEnd: String = "\n") throws -> GuideImport {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        return try GuideImport(path: name, text: text.replacingOccurrences(of: "\n", with: lineEnd), topic: nil)
    }

    @Test func questionLabelsAndNumberedSections() throws {
        let imported = try importGuide("q-labels.md")
        let questions = imported.report.questions
        #expect(
            questions.map(\.prompt) == [
                "What is a database index?", "What does a transaction guarantee?", "What is a foreign key?", "What is a test fixture?",
                "Why mock a network call in a unit test?",
            ])
        #expect(questions.map(\.number) == [1, 2, 3, 4, 5])
        #expect(imported.report.perTopic.map { "\($0.topic) \($0.count)" } == ["databases 3", "testing 2"])
        // A wrapped line joins its paragraph with a space, not ". ".
        #expect(
            questions[0].answer
                == "An index is a separate structure, usually a B-tree, that lets the database find rows without scanning the whole table, at the cost of slower writes."
        )
        #expect(imported.problems.isEmpty, "\(imported.problems)")
    }

    @Test func levelHeadingsWhateverTheirDecoration() throws {
        let imported = try importGuide("level-words.md")
        let questions = imported.report.questions
        #expect(questions.count == 7)
        #expect(questions.map(\.difficulty) == [.easy, .easy, .easy, .medium, .hard, .hard, .hard])
        #expect(Set(questions.map(\.topic)) == ["python"])
        #expect(imported.report.perDifficulty.map { "\($0.difficulty.rawValue) \($0.count)" } == ["easy 3", "medium 1", "hard 3"])
        #expect(imported.problems.isEmpty, "\(imported.problems)")
    }

    @Test func crlfGuidesImportLikeLFOnes() throws {
        for name in ["q-labels.md", "level-words.md", "numbered-bold.md", "bold-paragraphs.md", "headings.md"] {
            #expect(try importGuide(name, lineEnd: "\r\n").yaml == importGuide(name).yaml, "\(name)")
        }
    }

    @Test func suggestedConceptsAreNotFunctionWords() throws {
        for name in ["q-labels.md", "level-words.md", "numbered-bold.md", "bold-paragraphs.md", "headings.md"] {
            let concepts = try importGuide(name).report.questions.flatMap(\.concepts).map { $0.name.lowercased() }
            let junk = concepts.filter {
                ConceptSuggester.functionWords.contains($0) || ["between", "true", "every", "answers", "code"].contains($0)
            }
            #expect(junk.isEmpty, "\(name): \(junk)")
        }
    }

    @Test func aBankThatWouldNotLintIsReportedByGuideLine() throws {
        // What the importer once wrote for `**Q1.**` lines: an empty prompt.
        var broken = try importGuide("q-labels.md").report.questions
        broken[1].prompt = ""
        let yaml = try BankWriter.yaml(broken, guide: "q-labels.md")
        let problems = GuideImport.lint(yaml, questions: broken, guide: "q-labels.md")
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("q-labels.md:\(broken[1].line): ") }, "\(problems)")
    }
}
