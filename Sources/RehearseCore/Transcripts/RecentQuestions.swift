import Foundation

/// The question ids of the most recent transcripts in a folder, so practice can prefer
/// questions the user has not seen lately. Unreadable lines and files are passed over.
public enum RecentQuestions {
    /// Ids asked in the newest `sessions` transcripts of `folder`.
    public static func ids(in folder: String, sessions: Int = 5) -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let newest = names.filter { $0.hasSuffix(".jsonl") }.sorted().suffix(sessions)
        var ids = Set<String>()
        let decoder = JSONDecoder()
        // Only a question line holds the text "question" in quotes (an id is "question_id", and
        // quotes inside an answer are escaped): the other lines, most of the bytes, are skipped
        // undecoded. This runs before the first question is shown.
        let marker = Data(#""question""#.utf8)
        for name in newest {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) where line.range(of: marker) != nil {
                guard let record = try? decoder.decode(TranscriptRecord.self, from: Data(line)),
                    record.type == .question, let id = record.questionID
                else { continue }
                ids.insert(id)
            }
        }
        return ids
    }
}
