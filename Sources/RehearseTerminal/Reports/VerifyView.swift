import RehearseCore

/// `rehearse verify`: authoring warnings, the examples that missed their grade, questions
/// without examples (when required), and a summary coloured by the outcome.
public struct VerifyView {
    let report: VerifyReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table (cutting the answers) to a terminal.
    public init(_ report: VerifyReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// Every line of the report.
    public func render() -> String {
        let result = report.result
        var lines = result.warnings.map { "\($0.location): \(style.yellow("warning:")) \($0.message)" }
        let failures = result.failures
        if !failures.isEmpty {
            var table = TextTable(headers: ["QUESTION", "EXAMPLE", "EXPECTED", "GOT", "ANSWER"])
            for failure in failures {
                table.append([
                    failure.questionID, "#\(failure.number)", failure.expected.text,
                    "\(DisplayFormat.score(failure.score)) \(failure.band.rawValue)",
                    failure.answer.split(whereSeparator: \.isNewline).joined(separator: " "),
                ])
            }
            lines.append(style.red("\(failures.count) example\(failures.count == 1 ? "" : "s") did not get the expected grade:"))
            lines.append(table.render(style: style, width: width))
        }
        let untested = report.untestedFailures
        if !untested.isEmpty {
            lines.append(
                style.red("\(untested.count) question\(untested.count == 1 ? " has" : "s have") no examples: ") + untested.joined(separator: ", "))
        }
        let checks = result.checks.count
        let questions = report.questionCount
        let warnings = result.warnings.count
        let summary =
            "\(checks) example\(checks == 1 ? "" : "s") in \(questions) question\(questions == 1 ? "" : "s"): "
            + "\(failures.count) mismatched, \(warnings) warning\(warnings == 1 ? "" : "s")"
        lines.append(failures.isEmpty ? style.green(summary) : style.red(summary))
        return lines.joined(separator: "\n")
    }
}
