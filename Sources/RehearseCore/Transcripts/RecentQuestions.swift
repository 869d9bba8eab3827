import Foundation

/// The question ids of the most recent transcripts in a folder, so practice can prefer
/// questions the user has not seen lately. Unreadable lines and files are passed over.
public enum RecentQuestions {
    /// Ids asked in the newest `sessions` transcripts of `folder`.
    public static func ids(in folder: String, sessions: Int = 5) -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let newest = names.filter { $0.hasSuffix(".jsonl") }.sorted().suffix(sessions)
        var ids = Set<String>()
        var recent = RecentStrings()
        // Only a question line holds the text "question" in quotes (an id is "question_id", and
        // quotes inside an answer are escaped): the other lines, most of the bytes, are skipped
        // unparsed. This runs before the first question is shown, so the lines that are parsed
        // go through the small JSON reader of batch files rather than a Decodable record.
        let marker = Array(#""question""#.utf8)
        for name in newest {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { continue }
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    guard ByteSearch.firstOffset(of: marker, in: line, from: 0) != nil,
                        let record = JSONLineValue.parse(line, reusing: &recent)?.object,
                        record["type"]?.string == "question", let id = record["question_id"]?.string
                    else { continue }
                    ids.insert(id)
                }
            }
        }
        return ids
    }
}
