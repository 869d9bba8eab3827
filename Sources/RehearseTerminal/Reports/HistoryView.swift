import RehearseCore

/// `rehearse history`: one row per past session, numbered for `rehearse replay N`.
public struct HistoryView {
    let report: HistoryReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: HistoryReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table, or how to start when there is no session yet.
    public func render() -> String {
        let hidden = report.hiddenEmpty
        let note = hidden == 0 ? "" : style.dim("\(hidden) session\(hidden == 1 ? "" : "s") ended before any answer not shown (--all lists them)")
        guard !report.entries.isEmpty else {
            if hidden > 0 { return "No answered sessions yet in \(report.folder).\n" + note }
            return "No sessions yet in \(report.folder). Start one with: rehearse practice"
        }
        var table = TextTable(headers: ["#", "DATE", "SCENARIO", "ANSWERED", "SCORE", "DURATION"])
        for entry in report.entries {
            table.append([
                String(entry.number), entry.startDate.map(SessionReplayView.dateText) ?? "?", SafeText.clean(entry.scenario),
                "\(entry.answered)/\(entry.questions)", DisplayFormat.score(entry.overall) + (entry.finished ? "" : " (unfinished)"),
                entry.durationSeconds.map(DisplayFormat.minutes) ?? "—",
            ])
        }
        return table.render(style: style, width: width) + (note.isEmpty ? "" : "\n" + note)
    }
}
