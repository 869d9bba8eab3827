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
            if let candidate = report.candidate {
                return "No sessions of a candidate named like \"\(SafeText.clean(candidate))\" in \(report.folder)."
            }
            if hidden > 0 { return "No answered sessions yet in \(report.folder).\n" + note }
            return "No sessions yet in \(report.folder). Start one with: rehearse practice"
        }
        // Named and reviewed sessions come from a daemon with reviewers; a person practising
        // alone sees neither column.
        let named = report.entries.contains { $0.candidate != nil }
        let reviewed = report.entries.contains { $0.reviewed > 0 }
        var headers = ["#", "DATE"] + (named ? ["CANDIDATE"] : []) + ["SCENARIO", "ANSWERED", "SCORE"]
        headers += (reviewed ? ["REVIEWED"] : []) + ["DURATION"]
        var table = TextTable(headers: headers)
        for entry in report.entries {
            var row = [String(entry.number), entry.startDate.map(SessionReplayView.dateText) ?? "?"]
            if named { row.append(entry.candidate.map(SafeText.clean) ?? "—") }
            row += [
                SafeText.clean(entry.scenario), "\(entry.answered)/\(entry.questions)",
                DisplayFormat.score(entry.overall) + (entry.finished ? "" : " (unfinished)"),
            ]
            if reviewed { row.append(entry.reviewedScore.map { "✓\(entry.reviewed) \(DisplayFormat.score($0))" } ?? "") }
            row.append(entry.durationSeconds.map(DisplayFormat.minutes) ?? "—")
            table.append(row)
        }
        return table.render(style: style, width: width) + (note.isEmpty ? "" : "\n" + note)
    }
}
