import Foundation

/// A Markdown interview guide turned into a bank of draft questions: what was found, and the
/// bank's YAML.
public struct GuideImport: Sendable {
    /// The questions (with suggested concepts) and every piece of the guide left out.
    public let report: ImportReport
    /// The bank file's text.
    public let yaml: String

    /// Imports the guide at `path` whose content is `text`. Questions take `topic` when given,
    /// else their section's, else one named after the file.
    /// - Throws: ``CoreError/transcript(_:)`` when the guide has no question rehearse can read.
    public init(path: String, text: String, topic: String?) throws {
        let stem = ScenarioFile(path: path, text: "").stem.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        var report = GuideImporter(topic: topic, fallbackTopic: stem.isEmpty ? "general" : stem).parse(text)
        guard !report.questions.isEmpty else {
            throw CoreError.transcript("found no questions in \"\(path)\" (docs/authoring.md lists the guide styles rehearse reads)")
        }
        ConceptSuggester.suggest(&report.questions)
        yaml = try BankWriter.yaml(report.questions, guide: (path as NSString).lastPathComponent)
        self.report = report
    }
}
