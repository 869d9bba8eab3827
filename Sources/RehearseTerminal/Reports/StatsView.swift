import RehearseCore
import RehearseScoring

/// `rehearse stats`: sessions and streak, a table per topic and per difficulty with a trend
/// chart, and the concepts missed most.
public struct StatsView {
    let report: StatsReport
    let style: TerminalStyle
    let ascii: Bool

    /// Creates the view; `ascii` draws the charts and bars without Unicode.
    public init(_ report: StatsReport, style: TerminalStyle, ascii: Bool) {
        self.report = report
        self.style = style
        self.ascii = ascii
    }

    /// Whether the locale in `environment` promises UTF-8; charts are ASCII elsewhere.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment[
                "LANG"] ?? ""
        return locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8")
    }

    /// The figures, or how to start when there is no session yet.
    public func render() -> String {
        let progress = report.progress
        guard progress.sessions > 0 else {
            return "No sessions yet in \(report.folder). Start one with: rehearse practice"
        }
        var lines = [
            style.bold("\(progress.sessions) session\(progress.sessions == 1 ? "" : "s")")
                + " · streak \(progress.streak) day\(progress.streak == 1 ? "" : "s") (longest \(progress.longestStreak))"
        ]
        for (title, series) in [("By topic", progress.topics), ("By difficulty", progress.difficulties)] {
            var table = TextTable(headers: ["", "LATEST", "ASKED", "TREND"])
            for item in series {
                table.append([
                    SafeText.clean(TopicNames.display(item.name)), DisplayFormat.score(StatsReport.rounded(item.latest)), String(item.asked),
                    Sparkline.render(Array(item.scores.suffix(40)), ascii: ascii),
                ])
            }
            lines += ["\n" + style.bold(title), table.render(style: style)]
        }
        if progress.weakest.isEmpty {
            // An empty list reads as "nothing is weak"; say what it needs instead.
            lines.append(
                "\n" + style.bold("Weakest concepts") + "\n"
                    + style.dim("None yet: a concept is listed once it has been missed in 2 answers (answer more questions to see them).")
            )
        } else {
            var table = TextTable(headers: ["CONCEPT", "MISSED", "BAR"])
            for weak in progress.weakest.prefix(5) {
                let bar = ascii ? String(repeating: "#", count: (weak.rate * 10).clampedInt(in: 0...10)) : ScoreReportView.bar(weak.rate * 100)
                table.append([SafeText.clean(weak.concept), "\(weak.missed) of \(weak.seen)", bar])
            }
            lines += ["\n" + style.bold("Weakest concepts"), table.render(style: style)]
        }
        return lines.joined(separator: "\n")
    }
}
