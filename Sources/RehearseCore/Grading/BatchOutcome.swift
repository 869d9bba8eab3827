import Foundation
import RehearseScoring

/// The result for one line of a batch: a report, or why the line could not be scored.
public struct BatchOutcome: Sendable {
    /// The 1-based line number.
    public let line: Int
    /// The report, when the line was scored.
    public let report: ScoreReport?
    /// The problem, when it was not.
    public let error: CoreError?
    /// The parsed line, when it parsed.
    public let item: BatchItem?
    /// The line of output `score --batch` prints (see ``makeJSONLine()``), made on the worker.
    public private(set) var jsonLine = ""

    init(line: Int, report: ScoreReport?, error: CoreError?, item: BatchItem?) {
        self.line = line
        self.report = report
        self.error = error
        self.item = item
        jsonLine = makeJSONLine()
    }

    /// The line of output `score --batch` prints: `{"score", "band", "matched", "missed"}`,
    /// `{"sample": true}` in place of a graded sample, or `{"score": null, "error"}`.
    func makeJSONLine() -> String {
        if item?.isSample == true { return "{\"sample\": true}" }
        guard let report else {
            let message = error.map { if case .batchLine(_, let text) = $0 { text } else { $0.description } } ?? "not scored"
            return "{\"score\": null, \"error\": \(JSONText.quote(message))}"
        }
        let matched = report.matched.map { JSONText.quote($0.concept) }.joined(separator: ", ")
        let missed = report.missed.map { JSONText.quote($0.concept) }.joined(separator: ", ")
        return
            "{\"score\": \(JSONText.number(report.score)), \"band\": \"\(report.band.rawValue)\", \"matched\": [\(matched)], \"missed\": [\(missed)]}"
    }
}
