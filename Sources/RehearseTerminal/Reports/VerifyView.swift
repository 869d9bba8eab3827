import Foundation
import RehearseCore

/// `rehearse verify`: authoring warnings, the examples that missed their grade, questions
/// without examples (when required), and a summary coloured by the outcome.
public struct VerifyView {
    let report: VerifyReport
    let style: TerminalStyle
    let width: Int?
    let allMoves: Bool

    /// A move this large (in points) is listed even without `allMoves`.
    static let notableMove = 5.0

    /// Creates the view; `width` fits the table (cutting the answers) to a terminal; `allMoves`
    /// lists how far graded samples moved every example, not only the notable moves.
    public init(_ report: VerifyReport, style: TerminalStyle, width: Int? = nil, allMoves: Bool = false) {
        self.report = report
        self.style = style
        self.width = width
        self.allMoves = allMoves
    }

    /// Every line of the report.
    public func render() -> String {
        let result = report.result
        var lines = result.warnings.map { "\($0.location): \(style.yellow("warning:")) \($0.message)" }
        let failures = result.failures
        if !failures.isEmpty {
            var table = TextTable(headers: ["QUESTION", "EXAMPLE", "EXPECTED", "GOT", "ANSWER"])
            for failure in failures {
                table.append([
                    failure.questionID, "#\(failure.number)", failure.expected.text,
                    "\(DisplayFormat.score(failure.score)) \(failure.band.rawValue)",
                    failure.answer.split(whereSeparator: \.isNewline).joined(separator: " "),
                ])
            }
            lines.append(style.red("\(failures.count) example\(failures.count == 1 ? "" : "s") did not get the expected grade:"))
            lines.append(table.render(style: style, width: width))
        }
        let untested = report.untestedFailures
        if !untested.isEmpty {
            lines.append(
                style.red("\(untested.count) question\(untested.count == 1 ? " has" : "s have") no examples: ") + untested.joined(separator: ", "))
        }
        lines += moves()
        lines += discrimination()
        let checks = result.checks.count
        let questions = report.questionCount
        let warnings = result.warnings.count
        if checks == 0 {
            // "0 examples, 0 mismatched" in green read as a pass.
            let nothing =
                "Nothing was verified: \(questions == 1 ? "the question has" : "none of the \(questions) questions has") examples "
                + "(add `examples` with the grade each answer should get; docs/authoring.md shows how)"
            lines.append(style.yellow(nothing))
            return lines.joined(separator: "\n")
        }
        let summary =
            "\(checks) example\(checks == 1 ? "" : "s") in \(questions) question\(questions == 1 ? "" : "s"): "
            + "\(failures.count) mismatched, \(warnings) warning\(warnings == 1 ? "" : "s")"
        lines.append(failures.isEmpty ? style.green(summary) : style.red(summary))
        return lines.joined(separator: "\n")
    }

    /// Per question, how far the other examples (as graded samples) moved each example.
    private func moves() -> [String] {
        let moved = report.result.checks.filter { $0.conceptScore != nil }
        guard !moved.isEmpty else { return [] }
        var table = TextTable(headers: ["QUESTION", "MOVED BY GRADED SAMPLES (EXAMPLE: POINTS)"])
        var order: [String] = []
        var byQuestion: [String: [ExampleCheck]] = [:]
        for check in moved {
            if byQuestion[check.questionID] == nil { order.append(check.questionID) }
            byQuestion[check.questionID, default: []].append(check)
        }
        for id in order {
            let checks = byQuestion[id] ?? []
            guard allMoves || checks.contains(where: { abs($0.moved) >= Self.notableMove }) else { continue }
            table.append([id, checks.map { "#\($0.number) \(Self.signed($0.moved))" }.joined(separator: ", ")])
        }
        let mean = moved.reduce(0) { $0 + abs($1.moved) } / Double(moved.count)
        let notable = moved.filter { abs($0.moved) >= Self.notableMove }.count
        var lines = table.rows.isEmpty ? [] : [table.render(style: style, width: width)]
        lines.append(
            "Graded samples moved the examples by \(DisplayFormat.score(mean)) points on average; "
                + "\(notable) moved \(Int(Self.notableMove)) or more\(allMoves || notable == 0 ? "" : " (listed above; --moves lists all)").")
        return lines
    }

    /// The share of strong examples scored weak against the other questions of their topic.
    private func discrimination() -> [String] {
        let found = report.result.discrimination
        guard found.pairs > 0 else { return [] }
        let percent = String(format: "%.1f%%", found.share * 100)
        let line =
            "Strong examples against the other questions of their topic: \(percent) weak (\(found.weak) of \(found.pairs))"
            + (report.minimumDiscrimination.map { String(format: ", at least %.0f%% required", $0 * 100) } ?? "")
        guard report.discriminationFailed else { return [line] }
        var table = TextTable(headers: ["ANSWER TO", "EXAMPLE", "SCORED AGAINST", "GOT"])
        for confusion in found.confusions.prefix(10) {
            table.append([confusion.answered, "#\(confusion.example)", confusion.scoredAgainst, DisplayFormat.score(confusion.score)])
        }
        return [style.red(line), table.render(style: style, width: width)]
    }

    private static func signed(_ points: Double) -> String {
        let rounded = (points * 10).rounded() / 10
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + DisplayFormat.score(abs(rounded))
    }
}
