import RehearseCore

/// `rehearse import`'s report: how many questions per topic and difficulty, every piece of
/// the guide left out, and what to do next.
public struct ImportView {
    let report: ImportReport
    let guide: String
    let output: String?
    let style: TerminalStyle
    let problems: [String]

    /// Creates the view of importing `guide`; `output` is where the bank went (`nil`: standard
    /// output); `problems` are what lint would refuse in it.
    public init(_ report: ImportReport, guide: String, output: String?, style: TerminalStyle, problems: [String] = []) {
        self.report = report
        self.guide = guide
        self.output = output
        self.style = style
        self.problems = problems
    }

    /// The questions that would not lint, by their guide line, and what to do.
    public func renderProblems() -> String {
        ([style.red("\(problems.count) problem\(problems.count == 1 ? "" : "s") would make the bank fail `rehearse lint`:")]
            + problems.map { "  " + SafeText.clean($0) }
            + ["Fix these questions in the guide (or in the bank), then import or lint again."])
            .joined(separator: "\n")
    }

    /// The summary line, the pieces left out, and the next step.
    public func render() -> String {
        let topics = report.perTopic.map { "\($0.topic) \($0.count)" }.joined(separator: ", ")
        let levels = report.perDifficulty.map { "\($0.difficulty.rawValue) \($0.count)" }.joined(separator: ", ")
        return
            ([
                style.bold((problems.isEmpty ? "Imported" : "Read") + " \(report.questions.count) questions") + " (\(topics); \(levels))"
                    + (output.map { " into \($0)" } ?? "") + "."
            ]
            + report.skipped.map { "  \(guide): \($0)" }
            + ["Every question is a draft: review it, then run `rehearse lint` and `rehearse verify`."])
            .joined(separator: "\n")
    }
}
