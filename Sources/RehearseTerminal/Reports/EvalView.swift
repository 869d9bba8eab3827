import Foundation
import RehearseCore

/// `rehearse eval`: the agreement figures of each file, to three decimals.
public struct EvalView {
    let report: EvalReport
    let style: TerminalStyle

    /// Creates the view. The table is never cut to the terminal: the figures are the point.
    public init(_ report: EvalReport, style: TerminalStyle) {
        self.report = report
        self.style = style
    }

    /// The table, and a note when lines were skipped.
    public func render() -> String {
        var table = TextTable(headers: ["FILE", "N", "PEARSON", "SPEARMAN", "Q_PEARSON", "RMSE"])
        for file in report.files {
            let a = file.agreement
            table.append([file.file, String(a.n), fixed(a.pearson), fixed(a.spearman), fixed(a.qPearson), fixed(a.rmse)])
        }
        let note = report.skippedAny ? "\n" + style.dim("\nlines without a grade or that could not be scored were skipped") : ""
        return table.render(style: style) + note
    }

    private func fixed(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f", value) : "n/a"
    }
}
