import RehearseCore

/// `rehearse lint`: each problem as `path:line:column: message`, sorted, then a summary
/// coloured by the outcome.
public struct LintView {
    let report: LintReport
    let style: TerminalStyle
    let quiet: Bool

    /// Creates the view; `quiet` leaves warnings out of the list (the summary still counts them).
    public init(_ report: LintReport, style: TerminalStyle, quiet: Bool) {
        self.report = report
        self.style = style
        self.quiet = quiet
    }

    /// Every line of the report.
    public func render() -> String {
        var lines: [String] = []
        for diagnostic in report.result.diagnostics.sorted where !(quiet && diagnostic.severity == .warning) {
            // Messages quote the file's text, which may hold escape sequences.
            let location = SafeText.clean("\(diagnostic.location)")
            let message = SafeText.clean(diagnostic.message)
            switch diagnostic.severity {
            case .error: lines.append("\(location): \(style.red(message))")
            case .warning: lines.append("\(location): \(style.yellow("warning:")) \(message)")
            }
        }
        let catalog = report.result.catalog
        let summary =
            "\(plural(report.result.fileCount, "file")), \(plural(catalog.scenarios.count, "scenario")), "
            + "\(plural(catalog.questions.count, "question")): \(plural(report.errors, "error")), \(plural(report.warnings, "warning"))"
        lines.append(report.errors > 0 ? style.red(summary) : style.green(summary))
        return lines.joined(separator: "\n")
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
