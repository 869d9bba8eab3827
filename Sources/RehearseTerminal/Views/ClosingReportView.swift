import Foundation
import RehearseCore

/// The end-of-session report: a table per question, overall and per-topic scores, the most
/// missed concepts with the sentence that explains each, and where the transcript is.
public struct ClosingReportView {
    let report: ClosingReport
    let style: TerminalStyle
    let showReferences: Bool
    let width: Int?

    /// Creates the view; `showReferences` adds each question's reference answer; `width` fits
    /// the table to a terminal (its question column shrinks first).
    public init(_ report: ClosingReport, style: TerminalStyle, showReferences: Bool, width: Int? = nil) {
        self.report = report
        self.style = style
        self.showReferences = showReferences
        self.width = width
    }

    public func render() -> String {
        var lines = [style.bold("Your results"), ""]
        guard !report.results.isEmpty else {
            return (lines + ["No questions were asked.", "", "Transcript: \(report.transcript)"]).joined(separator: "\n")
        }
        var table = TextTable(headers: ["#", "QUESTION", "TOPIC", "LEVEL", "SCORE", "TIME", "HINTS"])
        for (index, result) in report.results.enumerated() {
            let score = result.skipped ? "skipped" : result.answer == nil ? "—" : DisplayFormat.score(result.finalScore)
            let time = result.answer == nil ? "—" : DisplayFormat.minutes(result.seconds) + (result.overtime ? " over" : "")
            table.append([
                String(index + 1), result.question.id, TopicNames.display(result.question.topic),
                result.question.difficulty.rawValue, score, time, String(result.hintsUsed),
            ])
        }
        lines.append(table.render(style: style, width: width))
        lines.append("")
        guard report.results.contains(where: { $0.answer != nil }) else {
            // "Overall: 0/100" would grade a session that was never answered.
            return (lines + ["Nothing was answered, so there is nothing to score.", "", "Transcript: \(report.transcript)"]).joined(separator: "\n")
        }
        lines.append("Overall: \(style.bold(DisplayFormat.score((report.overall * 10).rounded() / 10)))/100  \(ScoreReportView.bar(report.overall))")
        if report.topics.count > 1 {
            lines.append(
                "By topic: "
                    + report.topics.map { "\(TopicNames.display($0.topic)) \(DisplayFormat.score(($0.average * 10).rounded() / 10))" }.joined(
                        separator: " · "))
        }
        if !report.mostMissed.isEmpty {
            lines.append("")
            lines.append(style.bold("Most missed"))
            for missed in report.mostMissed {
                lines.append(
                    "  \(style.red("✗")) \(SafeText.clean(missed.concept))\(missed.count > 1 ? " (\(missed.count)×)" : "")\(missed.sentence.isEmpty ? "" : " — " + SafeText.clean(missed.sentence))"
                )
            }
        }
        if showReferences {
            lines.append("")
            lines.append(style.bold("Reference answers"))
            for (index, result) in report.results.enumerated() {
                lines.append("  \(index + 1). \(SafeText.clean(result.question.prompt))")
                lines.append("     " + style.dim(SafeText.clean(result.question.answer)))
            }
        }
        lines.append("")
        lines.append("Transcript: \(SafeText.clean(report.transcript))")
        return lines.joined(separator: "\n")
    }

}
