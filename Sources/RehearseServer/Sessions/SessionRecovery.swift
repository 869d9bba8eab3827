import Foundation
import RehearseCore

/// Reading a daemon session back from its transcript after a crash or restart.
enum SessionRecovery {
    /// Why a session could not be continued.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The records of a daemon session, or `nil` for a local session or an unreadable file.
    /// A line cut off by a crash (never acknowledged: the fsync comes after the last line of a
    /// reply) is cut from the file, so the lines written next start on a line of their own.
    static func daemonRecords(at path: String) -> [TranscriptRecord]? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 0 else { return nil }
        // Only daemon sessions carry a session id, on their first line.
        guard let firstEnd = data.firstIndex(of: UInt8(ascii: "\n")) ?? Optional(data.endIndex),
            data[data.startIndex..<firstEnd].range(of: Data(#""session_id""#.utf8)) != nil
        else { return nil }
        var complete = data
        if data.last != UInt8(ascii: "\n") {
            let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
            complete = data[data.startIndex..<lastNewline]
            guard truncate(path, off_t(complete.count)) == 0 else { return nil }
        }
        let decoder = JSONDecoder()
        var records: [TranscriptRecord] = []
        for line in complete.split(separator: UInt8(ascii: "\n")) {
            guard let record = try? decoder.decode(TranscriptRecord.self, from: Data(line)) else { return nil }
            records.append(record)
        }
        guard records.first?.type == .sessionStart else { return nil }
        return records
    }

    /// Ends a session that cannot be continued, so it is not tried again and `history` shows why.
    static func end(path: String, reason: String, at time: Date) {
        guard let file = try? TranscriptFile(appendingTo: path) else { return }
        var line = TranscriptRecord(.sessionEnd, at: time)
        line.reason = reason
        try? file.append(line)
    }
}
