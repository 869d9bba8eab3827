import RehearseCore

/// `rehearse config`: every setting, its value and source, and where the user's file is.
public struct ConfigView {
    let report: ConfigReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: ConfigReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table, then the user's config file and whether it exists.
    public func render() -> String {
        var table = TextTable(headers: ["KEY", "VALUE", "SOURCE"])
        for entry in report.entries {
            table.append([entry.setting.key, entry.value?.description ?? "(unset)", entry.source.description])
        }
        let file = report.userFile
        return table.render(style: style, width: width) + "\n"
            + style.dim("\nyour config file: \(file.path)\(file.exists ? "" : " (not present)")")
    }
}
