import Foundation
import Testing

@testable import RehearseCore

/// Line endings and size: a guide saved with Windows (`\r\n`) or old Mac (`\r`) line endings
/// imports exactly like the same guide with `\n`, and a large guide imports every question.
@Suite struct GuideImportCRLFTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/guides")

    /// `text` with each `\n` written as `ending`, byte by byte.
    static func withLineEndings(_ text: String, _ ending: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { bytes += Array(ending.utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Everything an import keeps, as comparable text.
    static func summary(_ report: ImportReport) -> [String] {
        report.questions.map { question in
            [
                question.topic, String(question.number), question.prompt, question.answer, question.code ?? "-",
                question.difficulty.rawValue, String(question.line), question.concepts.map(\.name).joined(separator: ","),
            ].joined(separator: " | ")
        } + report.skipped
    }

    static func importGuide(_ text: String) -> ImportReport {
        var report = GuideImporter(topic: nil, fallbackTopic: "general").parse(text)
        ConceptSuggester.suggest(&report.questions)
        return report
    }

    @Test(arguments: ["numbered-bold.md", "bold-paragraphs.md", "headings.md"])
    func windowsAndOldMacLineEndingsImportLikeUnixOnes(name: String) throws {
        let unix = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        #expect(!unix.utf8.contains(UInt8(ascii: "\r")), "the fixture \(name) should have Unix line endings")
        let expected = Self.importGuide(unix)
        #expect(!expected.questions.isEmpty)
        for ending in ["\r\n", "\r"] {
            let report = Self.importGuide(Self.withLineEndings(unix, ending))
            #expect(Self.summary(report) == Self.summary(expected), "\(name) with \(ending.debugDescription)")
            #expect(try BankWriter.yaml(report.questions, guide: name) == BankWriter.yaml(expected.questions, guide: name))
        }
    }

    @Test func mixedLineEndingsAndAnswersKeepNoCarriageReturn() {
        let guide =
            "## Flask\r\n\r\n### 1. What is Flask?\r\n\r\n**Ans:** A small WSGI framework.\n- It has extensions.\r### 2. What is a blueprint?\n**Ans:** A group of routes.\r\n"
        let report = GuideImporter(topic: nil, fallbackTopic: "general").parse(guide)
        #expect(report.questions.map(\.prompt) == ["What is Flask?", "What is a blueprint?"])
        #expect(report.questions.map(\.answer) == ["A small WSGI framework. It has extensions.", "A group of routes."])
        #expect(report.questions.map(\.line) == [3, 7])
        #expect(report.questions.allSatisfy { !$0.answer.contains("\r") && !$0.prompt.contains("\r") })
    }

    /// 20,000 questions in sections, generated: every one is found, in order, with its own id.
    @Test func aLargeGuideImportsEveryQuestion() {
        var guide = "# A generated guide\n\nNot a question.\n\n"
        for section in 0..<20 {
            guide += "## Topic\(section) Section\n\n"
            for item in 1...1_000 {
                let number = section * 1_000 + item
                guide += "### \(number). What is widget \(number)?\n**Ans:** It frobs gizmo \(number).\n"
            }
        }
        let report = GuideImporter(topic: nil, fallbackTopic: "general").parse(guide)
        #expect(report.questions.count == 20_000)
        #expect(report.questions.map(\.number) == Array(1...20_000))
        #expect(report.questions.last?.topic == "topic19")
        #expect(report.questions.last?.prompt == "What is widget 20000?")
        #expect(report.questions.last?.answer == "It frobs gizmo 20000.")
        #expect(report.skipped == ["line 3: not part of a question, left out (\"Not a question.\")"])
    }

    /// Ids stay unique, and numbering a prompt's repeats does not start again from `-2` each time.
    @Test func twentyThousandIdenticalPromptsGetNumberedIDs() {
        let question = ImportedQuestion(topic: "t", number: 1, prompt: "What is it?", answer: "It.", difficulty: .easy, line: 1)
        var ids = BankWriter.IDs()
        let made = (0..<20_000).map { _ in ids.next(for: question) }
        #expect(made.prefix(3) == ["t.it", "t.it-2", "t.it-3"])
        #expect(made.last == "t.it-20000")
        #expect(Set(made).count == 20_000)
        // A base that looks like a numbered repeat of another still gets a fresh id.
        var mixed = BankWriter.IDs()
        let other = ImportedQuestion(topic: "t", number: 2, prompt: "What is it 2?", answer: "It.", difficulty: .easy, line: 2)
        #expect([question, other, question, question].map { mixed.next(for: $0) } == ["t.it", "t.it-2", "t.it-3", "t.it-4"])
        var reversed = BankWriter.IDs()
        #expect([question, question, other, question].map { reversed.next(for: $0) } == ["t.it", "t.it-2", "t.it-2-2", "t.it-3"])
    }

    @Test func manyLinksOnOneLineAreAllReduced() {
        let line = String(repeating: "see [the docs](https://example.com/a_b) and ", count: 5_000)
        #expect(GuideImporter.plain(line) == String(repeating: "see the docs and ", count: 5_000).trimmingCharacters(in: .whitespaces))
        // As before: an unfinished `[` runs to the next `](`.
        #expect(GuideImporter.plain("[x] a](b) [c](d)") == "x] a c")
        #expect(GuideImporter.plain("**bold** `code` \\_x\\_ [a [b](c) d](e)") == "bold code _x_ a b d")
    }
}
