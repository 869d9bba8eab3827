import RehearseCore

/// `rehearse replay --rescore`: the session's header, then each answer's old and new score
/// with the concepts gained and lost.
public struct RescoreView {
    let report: RescoreReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: RescoreReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The header and the table, or that there was nothing to grade.
    public func render() -> String {
        guard !report.questions.isEmpty else { return "The session has no answers to score again." }
        var table = TextTable(headers: ["#", "QUESTION", "THEN", "NOW", "GAINED", "LOST"])
        for item in report.questions {
            table.append([
                String(item.number), SafeText.clean(item.id), item.old.map(DisplayFormat.score) ?? "—", item.new.map(DisplayFormat.score) ?? "gone",
                ConceptChanges.gained(item.gained), ConceptChanges.lost(item.lost),
            ])
        }
        return SessionReplayView(report.log, style: style).header() + "\n" + table.render(style: style, width: width)
    }
}
