import Foundation

/// Reads a transcript back into a ``SessionLog``. A cut-off or edited line is skipped with a
/// `file:line` warning, never a crash; a transcript from a newer schema is refused.
public enum TranscriptReader {
    /// Reads the transcript at `path`.
    public static func read(_ path: String) throws -> SessionLog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError.transcript("cannot read \"\(path)\" (check that it exists and is readable)")
        }
        var log = SessionLog(path: path)
        let decoder = JSONDecoder()
        var current: Int?  // index of the question being answered
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { continue }
            guard let record = try? decoder.decode(TranscriptRecord.self, from: Data(line)) else {
                log.warnings.append("\(path):\(index + 1): skipped a line that is not a transcript record (cut off or edited?)")
                continue
            }
            log.lastTime = TranscriptTime.parse(record.time) ?? log.lastTime
            switch record.type {
            case .sessionStart:
                if let schema = record.schema, schema > TranscriptRecord.schemaVersion {
                    throw CoreError.transcript(
                        "\"\(path)\" was written by a newer rehearse (transcript schema \(schema); this one reads up to \(TranscriptRecord.schemaVersion)): update rehearse to read it"
                    )
                }
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
            }
        }
        return log
    }
}
