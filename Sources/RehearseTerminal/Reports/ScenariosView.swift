import RehearseCore

/// `rehearse scenarios`: each scenario's id (the default marked `*`), size, topics and title.
public struct ScenariosView {
    let report: ScenariosReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: ScenariosReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table and what `*` means, or where to learn to write a scenario when there is none.
    public func render() -> String {
        guard !report.scenarios.isEmpty else {
            return "No scenarios found. Write one as described in docs/scenario-format.md."
        }
        var table = TextTable(headers: ["ID", "QUESTIONS", "TOPICS", "TITLE"])
        for scenario in report.scenarios {
            let id = scenario.isDefault ? scenario.id + " *" : scenario.id
            table.append([id, "\(scenario.count) of \(scenario.questions)", scenario.topics.joined(separator: ", "), scenario.title])
        }
        return table.render(style: style, width: width) + "\n"
            + style.dim("\n* default (practice.scenario). See a scenario's questions with: rehearse questions --scenario ID")
    }
}
