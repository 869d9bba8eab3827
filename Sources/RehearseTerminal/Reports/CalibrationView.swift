import Foundation
import RehearseCore

/// `rehearse calibrate`: how the scorer agrees with reviewers, overall and per question, the
/// questions where they disagree most first.
public struct CalibrationView {
    let report: CalibrationReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: CalibrationReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table, or what to do when no answer has been reviewed.
    public func render() -> String {
        guard report.overall.n > 0 else {
            return "No reviewed answers in \(report.sessions) session\(report.sessions == 1 ? "" : "s") yet. "
                + "Reviewers grade answers on the daemon's /review page (rehearse serve --review-token)."
        }
        var table = TextTable(headers: ["QUESTION", "N", "PEARSON", "MEAN DIFF", "MEAN |DIFF|"])
        for figures in [report.overall] + report.questions {
            table.append([
                figures.name == "all" ? style.bold("all") : SafeText.clean(figures.name), String(figures.n),
                figures.pearson.map { String(format: "%.2f", $0) } ?? "—", signed(figures.meanDifference),
                String(format: "%.1f", figures.meanAbsoluteDifference),
            ])
        }
        let legend = style.dim(
            "MEAN DIFF is reviewer − scorer in points: positive where reviewers grade higher. Questions far apart first; their rubrics are the ones to look at."
        )
        return table.render(style: style, width: width) + "\n" + legend
    }

    private func signed(_ value: Double) -> String {
        (value > 0.05 ? "+" : "") + String(format: "%.1f", value)
    }
}
