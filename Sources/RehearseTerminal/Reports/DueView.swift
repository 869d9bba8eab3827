import RehearseCore

/// `rehearse due`: how many questions are due, then the first 25 of the schedule.
public struct DueView {
    let report: DueReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: DueReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The count line and the table, or how to get a schedule when there is none yet.
    public func render() -> String {
        let items = report.items
        guard !items.isEmpty else {
            return "Nothing scheduled yet: answer some questions with `rehearse practice` first."
        }
        let due = report.due.count
        let heading =
            style.bold(due == 0 ? "Nothing is due now." : "\(due) due now") + (due == 0 ? "" : " — practise them with: rehearse practice --review")
        var table = TextTable(headers: ["QUESTION", "ATTEMPTS", "DUE", "WHY"])
        for item in items.prefix(25) {
            table.append([SafeText.clean(item.questionID), String(item.attempts), when(item), item.reason(at: report.now)])
        }
        return heading + "\n" + table.render(style: style, width: width)
    }

    private func when(_ item: ReviewItem) -> String {
        let days = item.overdueDays(at: report.now)
        if days > 0 { return "overdue \(days) day\(days == 1 ? "" : "s")" }
        return item.due <= report.now ? "now" : SessionReplayView.dateText(item.due)
    }
}
