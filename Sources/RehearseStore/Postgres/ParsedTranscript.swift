import Foundation
import RehearseCore

/// A transcript file read for import: its lines as written, and what the session row needs.
struct ParsedTranscript {
    var lines: [String] = []
    var inputIDs: [String?] = []
    var sessionID: String?
    var tokenHash: String?
    var scenario = "?"
    var ended = false
    var endReason: String?
    var startedAt = Date(timeIntervalSince1970: 0)
    var lastActivity = Date(timeIntervalSince1970: 0)
    /// Whether a reviewer graded any of its answers.
    var reviewed = false
    /// The candidate's display name, if given.
    var candidate: String?

    /// The largest transcript read: a session of a hundred long answers is well under it.
    static let sizeLimit = 64 << 20

    init(path: String) throws {
        let data = try TranscriptFolder.read(path, limit: Self.sizeLimit)
        let decoder = JSONDecoder()
        var pieces = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A line without its newline was cut off by a crash and never acknowledged.
        if data.last != UInt8(ascii: "\n"), !pieces.isEmpty { pieces.removeLast() }
        for (number, piece) in pieces.enumerated() where !piece.isEmpty {
            guard let text = String(data: Data(piece), encoding: .utf8) else {
                throw StoreError.files("line \(number + 1) is not UTF-8")
            }
            let record: TranscriptRecord
            do { record = try decoder.decode(TranscriptRecord.self, from: Data(piece)) } catch {
                throw StoreError.files("line \(number + 1) is not a transcript line")
            }
            if lines.isEmpty {
                guard record.type == .sessionStart else { throw StoreError.files("it does not start with a session_start line") }
                sessionID = record.sessionID
                tokenHash = record.tokenHash
                scenario = record.scenario ?? "?"
                startedAt = TranscriptTime.parse(record.time) ?? startedAt
                candidate = record.candidate
            }
            if record.type == .sessionEnd {
                ended = true
                endReason = record.reason
            }
            // A review is a reviewer's later line, not the candidate's activity.
            if record.type == .review {
                reviewed = true
            } else {
                lastActivity = TranscriptTime.parse(record.time) ?? lastActivity
            }
            lines.append(text)
            inputIDs.append(record.inputID)
        }
        guard !lines.isEmpty else { throw StoreError.files("it is empty") }
    }
}
