import RehearseCore

/// `rehearse compare`: a sparkline of one question's scores, then each attempt with the
/// concepts it gained and lost.
public struct CompareView {
    let report: CompareReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: CompareReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The chart and the table, or how to practise the question when it was never answered.
    public func render() -> String {
        let id = report.questionID
        guard !report.attempts.isEmpty else {
            return
                "No answered attempt at \"\(SafeText.clean(id))\" yet. Practise it with: rehearse practice --topic \(id.split(separator: ".").first ?? "")"
        }
        var table = TextTable(headers: ["DATE", "SCORE", "GAINED", "LOST"])
        for attempt in report.attempts {
            table.append([
                attempt.startDate.map(SessionReplayView.dateText) ?? "?", attempt.score.map(DisplayFormat.score) ?? "—",
                ConceptChanges.gained(attempt.gained), ConceptChanges.lost(attempt.lost),
            ])
        }
        return style.bold(SafeText.clean(id)) + "  " + Sparkline.render(report.attempts.compactMap(\.score)) + "\n"
            + table.render(style: style, width: width)
    }
}
