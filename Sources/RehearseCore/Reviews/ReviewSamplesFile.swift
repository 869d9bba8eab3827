import Foundation

/// Reviewed answers written as a samples file: the format `--samples FILE` reads, one
/// `{"question_id", "answer", "score"}` per line, with where each came from in `source`.
public enum ReviewSamplesFile {
    /// The samples file of `logs`' reviewed answers (each answer's latest grade), oldest
    /// session first so a re-export of a growing folder only adds lines at the end.
    public static func text(_ logs: [SessionLog]) throws -> String {
        struct Line: Encodable {
            let questionID: String
            let answer: String
            let score: Double
            let source: String
            enum CodingKeys: String, CodingKey {
                case answer, score, source
                case questionID = "question_id"
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for log in logs.reversed() {
            for found in ReviewedSample.all(in: log, latestOnly: true) {
                let line = Line(questionID: found.questionID, answer: found.sample.answer, score: found.sample.score, source: found.sample.label)
                text += JSONEscaping.escapingC1(String(decoding: try encoder.encode(line), as: UTF8.self)) + "\n"
            }
        }
        return text
    }
}
