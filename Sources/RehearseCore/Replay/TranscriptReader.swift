import Foundation

/// Reads a transcript back into a ``SessionLog``. A cut-off or edited line is skipped with a
/// `file:line` warning, never a crash, and so is a line with a number out of range
/// (``RecordValidation``). A transcript from a newer schema is refused, and so is one whose
/// first line cannot be read: without it the schema is unknown, and reading on as schema 1
/// would let a newer file through.
public enum TranscriptReader {
    /// Reads the transcript at `path`.
    public static func read(_ path: String) throws -> SessionLog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError.transcript("cannot read \"\(path)\" (check that it exists and is readable)")
        }
        return try parse(data, path: path)
    }

    /// Reads a transcript's bytes; `path` names it in warnings and errors.
    public static func parse(_ data: Data, path: String) throws -> SessionLog {
        var log = SessionLog(path: path)
        let decoder = JSONDecoder()
        var current: Int?  // index of the question being answered
        var isFirst = true  // the first non-blank line: the session start, which names the schema
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { continue }
            let record: TranscriptRecord
            do {
                record = try decoder.decode(TranscriptRecord.self, from: Data(line))
            } catch {
                guard !isFirst else {
                    throw CoreError.transcript(
                        "\(path):\(index + 1): the first line is not a readable session start (\(unreadable(Data(line), error))); cannot tell which transcript schema it uses, so the file is not read"
                    )
                }
                log.warnings.append("\(path):\(index + 1): skipped a line that is not a transcript record (cut off or edited?)")
                continue
            }
            isFirst = false
            // Before the numbers: a session start skipped for a bad option must not hide its schema.
            if record.type == .sessionStart { try checkSchema(record.schema, path: path, line: index + 1) }
            if let problem = RecordValidation.problem(in: record) {
                log.warnings.append("\(path):\(index + 1): skipped a line with an out-of-range number (\(problem))")
                if record.type == .question { current = nil }  // its answer, hints and score are not another question's
                continue
            }
            // A review comes later, from someone else: it does not make the session longer.
            if record.type != .review { log.lastTime = TranscriptTime.parse(record.time) ?? log.lastTime }
            switch record.type {
            case .sessionStart:
                log.start = record
            case .question:
                log.questions.append(ReplayedQuestion(record, askedAt: TranscriptTime.parse(record.time)))
                current = log.questions.count - 1
            case .answer:
                guard let current, log.questions[current].id == record.questionID else { continue }
                let answer = ReplayedAnswer(
                    text: record.text ?? "", askedAt: TranscriptTime.parse(record.askedAt),
                    answeredAt: TranscriptTime.parse(record.answeredAt), elapsedSeconds: record.elapsedSeconds,
                    overtime: record.overtime ?? false)
                if record.isFollowUp == true { log.questions[current].followUpAnswer = answer } else { log.questions[current].answer = answer }
            case .score:
                guard let current, log.questions[current].id == record.questionID else { continue }
                if record.isFollowUp == true { log.questions[current].followUpScore = record } else { log.questions[current].score = record }
            case .hint:
                guard let current, let text = record.text else { continue }
                log.questions[current].hints.append(text)
            case .skip:
                guard let current else { continue }
                log.questions[current].skipped = true
            case .followUp:
                guard let current else { continue }
                log.questions[current].followUp = record.text
            case .sessionEnd:
                log.end = record
            case .review:
                // Appended after the fact, so it names its question rather than following it.
                guard let review = AnswerReview(record), let index = log.questions.lastIndex(where: { $0.id == review.questionID }) else {
                    continue
                }
                log.questions[index].reviews.append(review)
            }
        }
        return log
    }

    /// Refuses a schema newer than this build reads, or one that is not a positive whole number.
    private static func checkSchema(_ schema: Int?, path: String, line: Int) throws {
        guard let schema else { return }
        guard schema >= 1 else {
            throw CoreError.transcript(
                "\(path):\(line): the session start has \"schema\": \(schema), not a positive whole number; cannot tell which transcript schema it uses, so the file is not read"
            )
        }
        if schema > TranscriptRecord.schemaVersion {
            throw CoreError.transcript(
                "\"\(path)\" was written by a newer rehearse (transcript schema \(schema); this one reads up to \(TranscriptRecord.schemaVersion)): update rehearse to read it"
            )
        }
    }

    /// Why a line could not be decoded, for the message that refuses the file.
    static func unreadable(_ line: Data, _ error: any Error) -> String {
        if let schema = rawSchema(in: String(decoding: line, as: UTF8.self)), Int(schema) == nil,
            Double(schema).map({ !$0.isFinite || $0 != $0.rounded() }) ?? true
        {
            return "\"schema\": \(schema) is not a whole number"
        }
        guard let error = error as? DecodingError else { return "not a transcript record" }
        switch error {
        case .keyNotFound(let key, _):
            return "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\"\(name(context))\" has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON: cut off or edited?" : "\"\(name(context))\" has a value this rehearse does not know"
        @unknown default:
            return "not a transcript record"
        }
    }

    /// The text after `"schema":`, as written (at most 40 characters), if the line has one.
    private static func rawSchema(in text: String) -> String? {
        guard let key = text.range(of: "\"schema\"") else { return nil }
        var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let value: Substring
        if rest.first == "\"" {
            let end = rest.dropFirst().firstIndex(of: "\"").map { rest.index(after: $0) } ?? rest.endIndex
            value = rest[..<end]
        } else {
            value = rest.prefix { !",}] \t\r".contains($0) }
        }
        return value.isEmpty ? nil : String(value.prefix(40))
    }

    private static func name(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
