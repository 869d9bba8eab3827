import Foundation
import Testing

@testable import RehearseCore

/// Markdown guides in each supported style, imported into draft banks.
@Suite struct GuideImporterTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/guides")

    func importGuide(_ name: String, topic: String? = nil) throws -> ImportReport {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        var report = GuideImporter(topic: topic, fallbackTopic: "general").parse(text)
        ConceptSuggester.suggest(&report.questions)
        return report
    }

    @Test func numberedListsWithBoldQuestionsAndLevelHeadings() throws {
        let report = try importGuide("numbered-bold.md")
        #expect(
            report.questions.map(\.prompt) == ["What is Flask?", "What does the route decorator do?", "How would you scale a Flask application?"])
        #expect(report.questions.map(\.topic) == ["flask", "flask", "flask"])
        #expect(report.questions.map(\.difficulty) == [.easy, .easy, .hard])
        #expect(
            report.questions[0].answer
                == "Flask is a lightweight WSGI web framework for Python. It keeps a small core and adds features through extensions.")
        #expect(report.skipped == ["line 3: not part of a question, left out (\"A short list for juniors and seniors.\")"])
    }

    @Test func boldParagraphQuestionsWithMidLevelHeadings() throws {
        let report = try importGuide("bold-paragraphs.md")
        #expect(report.questions.map(\.number) == [1, 2, 3, 5])
        #expect(report.questions.map(\.topic) == ["docker", "docker", "docker", "docker"])
        #expect(report.questions.map(\.difficulty) == [.easy, .medium, .medium, .medium])
        #expect(report.questions[1].answer == "An image is a read-only template. A container is a running instance of an image.")
        #expect(report.questions[2].prompt == "What does a Dockerfile do?")
        #expect(
            report.skipped == [
                "line 3: not part of a question, left out (\"Containers in a nutshell.\")",
                "line 20: question \"Tell me about volumes?\" has no answer, left out",
            ])
    }

    @Test func guideStyleWithTablesCodeAndMangledEmoji() throws {
        let report = try importGuide("headings.md")
        #expect(report.questions.map(\.topic) == ["git", "git"])
        #expect(report.questions[0].answer == "It replays commits onto a new base → a linear history.")
        #expect(report.questions[0].code == "git rebase main\n")
        #expect(report.questions[1].prompt == "Merge vs rebase")
        #expect(report.questions[1].answer == "merge: keeps a merge commit. rebase: rewrites into a line.")
        #expect(report.questions.allSatisfy { !$0.concepts.isEmpty })
    }

    @Test func mojibakeIsRepairedOrDropped() {
        #expect(MojibakeRepair.repair("# üß† Python Web Frameworks") == "# Python Web Frameworks")
        #expect(MojibakeRepair.repair("## ‚ö° FASTAPI SECTION") == "## FASTAPI SECTION")
        #expect(MojibakeRepair.repair("User Request ‚Üí manage.py") == "User Request → manage.py")
        #expect(MojibakeRepair.repair("   - café stays, indentation too") == "   - café stays, indentation too")
    }

    @Test func aTopicOptionOverridesSections() throws {
        let report = try importGuide("bold-paragraphs.md", topic: "containers")
        #expect(Set(report.questions.map(\.topic)) == ["containers"])
    }

    @Test func importedBanksLoadAndReimportingGivesTheSameFile() throws {
        for name in ["numbered-bold.md", "bold-paragraphs.md", "headings.md"] {
            let first = try BankWriter.yaml(try importGuide(name).questions, guide: name)
            let second = try BankWriter.yaml(try importGuide(name).questions, guide: name)
            #expect(first == second, "\(name)")
            let result = CatalogLoader.load(files: [ScenarioFile(path: "x.yaml", text: first)], authoring: true)
            #expect(result.diagnostics.errors.map(\.description) == [], "\(name)")
            let allDrafts = result.catalog.questions.allSatisfy { $0.draft }
            #expect(allDrafts)
        }
    }
}
