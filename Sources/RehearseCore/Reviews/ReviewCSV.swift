/// Every answer of some sessions as CSV for a spreadsheet: RFC 4180 (CRLF, quotes doubled,
/// fields quoted when they hold a comma, quote or line break), with every cell a spreadsheet
/// would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) given a leading `'`, so a
/// candidate's name or answer cannot run anything in the reviewer's spreadsheet.
public enum ReviewCSV {
    /// The header row's fields.
    public static let header = [
        "candidate", "session", "started", "scenario", "question", "attempt", "scorer_score", "reviewed_score", "reviewer", "note",
    ]

    /// The CSV of `logs`, one row per answer, in the order given.
    public static func text(_ logs: [SessionLog]) -> String {
        var text = row(header)
        for log in logs {
            let session = log.start?.sessionID ?? ""
            for question in log.questions {
                for attempt in [1, 2] where question.answer(at: attempt) != nil {
                    let review = question.latestReview(of: attempt)
                    text += row([
                        log.candidate ?? "", session, log.start?.time ?? "", log.scenario, question.id, String(attempt),
                        question.scorerScore(at: attempt).map(DisplayFormat.score) ?? "", review.map { DisplayFormat.score($0.score) } ?? "",
                        review?.reviewer ?? "", review?.note ?? "",
                    ])
                }
            }
        }
        return text
    }

    /// One row, CRLF-terminated.
    static func row(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A field made safe for spreadsheets, then quoted as RFC 4180 asks.
    static func cell(_ field: String) -> String {
        var value = field
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
