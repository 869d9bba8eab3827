import Foundation

/// A Markdown interview guide turned into a bank of draft questions: what was found, and the
/// bank's YAML.
public struct GuideImport: Sendable {
    /// The questions (with suggested concepts) and every piece of the guide left out.
    public let report: ImportReport
    /// The bank file's text.
    public let yaml: String
    /// What `lint` would refuse in the bank, each as `guide:line: message` at the question's
    /// line in the guide: an import with any is not a success.
    public let problems: [String]

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
        problems = Self.lint(yaml, questions: report.questions, guide: path)
    }

    /// Lints the bank as `rehearse lint` would, and names each error by the guide line of the
    /// question it is about (the bank lists the questions in the guide's order).
    static func lint(_ yaml: String, questions: [ImportedQuestion], guide: String) -> [String] {
        let result = CatalogLoader.load(files: [ScenarioFile(path: "imported.yaml", text: yaml)])
        let errors = result.diagnostics.errors
        guard !errors.isEmpty else { return [] }
        // The bank line where each question starts, in order.
        var starts: [Int] = []
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("- id:") {
            starts.append(number + 1)
        }
        return errors.map { error in
            let index = starts.lastIndex { $0 <= error.location.line }
            guard let index, index < questions.count else { return "\(guide): \(error.message)" }
            let question = questions[index]
            return "\(guide):\(question.line): question \"\(question.prompt.prefix(60))\" would not lint: \(error.message)"
        }
    }
}
