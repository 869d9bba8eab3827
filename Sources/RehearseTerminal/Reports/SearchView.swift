import RehearseCore

/// `rehearse search`: each matching answer on one line, with its date, question and score.
public struct SearchView {
    let report: SearchReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table (cutting the answers) to a terminal.
    public init(_ report: SearchReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table and the count, or that nothing matched.
    public func render() -> String {
        let hits = report.hits
        guard !hits.isEmpty else {
            return "No answer uses \(report.query.split(separator: " ").count == 1 ? "that word" : "all of those words")."
        }
        var table = TextTable(headers: ["DATE", "QUESTION", "SCORE", "ANSWER"])
        for hit in hits {
            let flat = SafeText.clean(hit.excerpt).split(whereSeparator: \.isNewline).joined(separator: " ")
            table.append([
                hit.session.startedAt.map(SessionReplayView.dateText) ?? "?",
                SafeText.clean(hit.question.id) + (hit.isFollowUp ? " (follow-up)" : ""),
                hit.question.finalScore.map(DisplayFormat.score) ?? "—", flat,
            ])
        }
        return table.render(style: style, width: width) + "\n" + style.dim("\n\(hits.count) answer\(hits.count == 1 ? "" : "s")")
    }
}
