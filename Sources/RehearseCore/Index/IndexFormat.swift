import Foundation

/// The summary index's text: one line per session, question and warning, fields separated by
/// tabs, so a thousand sessions read in milliseconds without a JSON decoder. Every text field
/// is `=` and the text with `%`, tab, line breaks and the list separator percent-escaped, or
/// `-` for none.
///
///     rehearse-index 2
///     S  name size modified path start scenario seed session candidate count end reason overall duration last
///     Q  id number topic difficulty flags score follow-up-score matched missed reviews
///     W  warning
enum IndexFormat {
    static let header = "rehearse-index 2"
    /// Separates the items of a list field (concepts, reviews).
    static let separator: Character = "\u{1F}"

    static func text(_ entries: [String: TranscriptIndex.Entry]) -> String {
        var lines = [header]
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let summary = entry.summary
            lines.append(
                [
                    "S", field(name), String(entry.size), String(entry.modified), field(summary.path), field(summary.startTime),
                    field(summary.scenario), field(summary.seed), field(summary.sessionID), field(summary.candidate), field(summary.count),
                    field(summary.endTime), field(summary.endReason), number(summary.overall), number(summary.duration),
                    number(summary.lastTime?.timeIntervalSinceReferenceDate),
                ].joined(separator: "\t"))
            for question in summary.questions {
                let flags = (question.answered ? "a" : "") + (question.followUpAnswered ? "f" : "") + (question.skipped ? "k" : "")
                let reviews = question.reviews.map { "\($0.attempt) \($0.score) \($0.time)" }
                lines.append(
                    [
                        "Q", field(question.id), String(question.number), field(question.topic), field(question.difficulty), "=" + flags,
                        number(question.score), number(question.followUpScore), list(question.matched), list(question.missed), list(reviews),
                    ].joined(separator: "\t"))
            }
            for warning in summary.warnings { lines.append("W\t" + field(warning)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entries in `data`, or `nil` when it is not an index of this version or is damaged.
    /// Split as bytes, not characters: the separators are ASCII, and grapheme breaking would
    /// cost more than everything else `history` does.
    static func entries(_ data: [UInt8]) -> [String: TranscriptIndex.Entry]? {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual(header.utf8) else { return nil }
        var entries: [String: TranscriptIndex.Entry] = [:]
        var current: (name: String, entry: TranscriptIndex.Entry)?
        func close() {
            if let current { entries[current.name] = current.entry }
        }
        for line in lines {
            let parts = line.split(separator: 0x09, omittingEmptySubsequences: false)
            switch parts.first.flatMap({ $0.count == 1 ? $0.first : nil }) {
            case UInt8(ascii: "S"):
                guard parts.count == 16, let name = value(parts[1]), let size = Int64(text(parts[2])), let modified = Int64(text(parts[3])),
                    let path = value(parts[4])
                else { return nil }
                close()
                let summary = SessionSummary(
                    path: path, startTime: value(parts[5]), scenario: value(parts[6]), seed: value(parts[7]), sessionID: value(parts[8]),
                    candidate: value(parts[9]), count: value(parts[10]), endTime: value(parts[11]), endReason: value(parts[12]),
                    overall: Double(text(parts[13])), duration: Double(text(parts[14])),
                    lastTime: Double(text(parts[15])).map(Date.init(timeIntervalSinceReferenceDate:)), questions: [], warnings: [])
                current = (name, TranscriptIndex.Entry(size: size, modified: modified, summary: summary))
            case UInt8(ascii: "Q"):
                guard parts.count == 11, current != nil, let id = value(parts[1]), let number = Int(text(parts[2])),
                    let topic = value(parts[3]), let difficulty = value(parts[4]), let flags = value(parts[5])
                else { return nil }
                var reviews: [SessionSummary.Review] = []
                for item in list(parts[10]) {
                    let bits = item.split(separator: " ", maxSplits: 2)
                    guard bits.count == 3, let attempt = Int(bits[0]), let score = Double(bits[1]) else { return nil }
                    reviews.append(SessionSummary.Review(attempt: attempt, score: score, time: String(bits[2])))
                }
                current?.entry.summary.questions.append(
                    SessionSummary.Question(
                        id: id, number: number, topic: topic, difficulty: difficulty, answered: flags.utf8.contains(UInt8(ascii: "a")),
                        followUpAnswered: flags.utf8.contains(UInt8(ascii: "f")), skipped: flags.utf8.contains(UInt8(ascii: "k")),
                        score: Double(text(parts[6])),
                        followUpScore: Double(text(parts[7])), matched: list(parts[8]), missed: list(parts[9]), reviews: reviews))
            case UInt8(ascii: "W"):
                guard parts.count == 2, current != nil, let warning = value(parts[1]) else { return nil }
                current?.entry.summary.warnings.append(warning)
            default:
                return nil
            }
        }
        close()
        return entries
    }

    /// The entries in `text` (for tests).
    static func entries(_ text: String) -> [String: TranscriptIndex.Entry]? {
        entries(Array(text.utf8))
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func field(_ text: String?) -> String {
        text.map { "=" + escaped($0) } ?? "-"
    }

    /// `text` with `%`, tab, line breaks and the list separator as `%XX`.
    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%", "\t", "\n", "\r", "\u{1F}": escaped += "%" + String(format: "%02X", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(0x25) ? text.removingPercentEncoding ?? text : text
    }

    private static func value(_ field: ArraySlice<UInt8>) -> String? {
        guard field.first == UInt8(ascii: "=") else { return nil }
        return unescaped(field.dropFirst())
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// Items escaped one by one and joined by the separator, which no escaped item holds.
    private static func list(_ items: [String]) -> String {
        "=" + items.map(escaped).joined(separator: String(separator))
    }

    private static func list(_ field: ArraySlice<UInt8>) -> [String] {
        guard field.first == UInt8(ascii: "="), field.count > 1 else { return [] }
        return field.dropFirst().split(separator: 0x1F, omittingEmptySubsequences: false).map(unescaped)
    }
}
