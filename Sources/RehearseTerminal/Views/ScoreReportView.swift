import Foundation
import RehearseCore
import RehearseScoring

/// Renders a score report the way a person reads it: score bar, band, evidence, feedback.
public struct ScoreReportView {
    let report: ScoreReport
    let style: TerminalStyle
    let score: Double
    let band: Band

    /// Creates a view of `report`; `score` and `band` override the report's (after hint caps
    /// or a follow-up).
    public init(_ report: ScoreReport, style: TerminalStyle, score: Double? = nil, band: Band? = nil) {
        self.report = report
        self.style = style
        self.score = score ?? report.score
        self.band = band ?? report.band
    }

    /// `███████░░░` for 70/100: always `width` characters, whatever the score (below 0 and NaN
    /// draw an empty bar, above 100 a full one).
    public static func bar(_ score: Double, width: Int = 10) -> String {
        let width = max(0, width)
        let filled = (score / 100 * Double(width)).clampedInt(in: 0...width)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The report as lines of text.
    public func render(maxMissed: Int = 6) -> String {
        var lines: [String] = []
        var head = "Score \(style.bold(DisplayFormat.score(score)))/100  \(Self.bar(score))  \(colour(band)(band.rawValue))"
        if let before = report.followUpFrom {
            head += style.dim("  (\(DisplayFormat.score(before)) → \(DisplayFormat.score(score)) after the follow-up)")
        }
        lines.append(head)
        if !report.matched.isEmpty {
            lines.append("")
            lines.append(style.bold("Matched"))
            for match in report.matched {
                lines.append(
                    "  \(style.green("✓")) \(SafeText.clean(match.concept))  \(style.dim("\"\(Self.shorten(SafeText.clean(match.evidence)))\""))")
            }
        }
        if !report.missed.isEmpty {
            lines.append("")
            lines.append(style.bold(report.matched.isEmpty ? "Missed" : "Missed, most important first"))
            for missed in report.missed.prefix(maxMissed) {
                lines.append("  \(style.red("✗")) \(SafeText.clean(missed.concept))\(missed.required ? style.dim(" (required for strong)") : "")")
            }
            if report.missed.count > maxMissed { lines.append(style.dim("  … and \(report.missed.count - maxMissed) more")) }
        }
        lines.append("")
        lines.append(SafeText.clean(report.feedback))
        if let samples = SampleExplanation.sentence(report) { lines.append(style.dim(SafeText.clean(samples))) }
        return lines.joined(separator: "\n")
    }

    func colour(_ band: Band) -> (String) -> String {
        switch band {
        case .strong: style.green
        case .partial: style.yellow
        case .weak: style.red
        }
    }

    private static func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }
}
