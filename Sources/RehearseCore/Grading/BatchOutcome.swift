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
        var line: [UInt8] = []
        line.reserveCapacity(96)
        line.append(contentsOf: "{\"score\": \(JSONText.number(report.score)), \"band\": \"\(report.band.rawValue)\", \"matched\": [".utf8)
        for (index, match) in report.matched.enumerated() {
            if index > 0 { line.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            JSONText.quote(match.concept, into: &line)
        }
        line.append(contentsOf: "], \"missed\": [".utf8)
        for (index, miss) in report.missed.enumerated() {
            if index > 0 { line.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            JSONText.quote(miss.concept, into: &line)
        }
        line.append(contentsOf: "]}".utf8)
        return String(decoding: line, as: UTF8.self)
    }
}
