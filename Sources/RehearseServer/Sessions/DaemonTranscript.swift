import Dispatch
import RehearseCore

/// A daemon session's transcript: the local format, with the session id and token hash on the
/// `session_start` line, and one fsync per request instead of one per line. When a session is
/// recovered, the lines already on disk are checked against what the engine says again instead
/// of being written twice.
final class DaemonTranscript: TranscriptSink {
    let file: TranscriptFile
    private let sessionID: String
    private let tokenHash: String
    private var onDisk: [TranscriptRecord]
    private var replayed = 0
    /// Set when a recovered session's engine said something other than what the file holds.
    private(set) var divergence: String?
    /// The id of the input being handled, written on the lines it causes.
    var inputID: String?

    /// A transcript for a new session, or for a recovered one whose file holds `existing`.
    init(file: TranscriptFile, sessionID: String, tokenHash: String, existing: [TranscriptRecord] = []) {
        file.syncsEachLine = false
        folderSynced = !existing.isEmpty
        self.file = file
        self.sessionID = sessionID
        self.tokenHash = tokenHash
        onDisk = existing
    }

    var location: String { file.path }

    var mark: Int { file.mark }

    func rollBack(to mark: Int) throws { try file.rollBack(to: mark) }

    /// Every input id on disk, for a recovered session: a resend of any of them is recognised.
    var recordedInputIDs: [String] { onDisk.compactMap(\.inputID) }

    /// Whether every line on disk has been said again.
    var caughtUp: Bool { replayed >= onDisk.count }

    func append(_ record: TranscriptRecord) throws {
        if replayed < onDisk.count {
            let expected = onDisk[replayed]
            if divergence == nil, expected.type != record.type || expected.questionID != record.questionID {
                divergence =
                    "line \(replayed + 1) is \(expected.type.rawValue) \(expected.questionID ?? ""), the engine said \(record.type.rawValue) \(record.questionID ?? "")"
            }
            replayed += 1
            return
        }
        // Once the engine says something other than the file, recovery will end the session:
        // writing its version after the recorded lines would make up a history.
        guard divergence == nil else { return }
        var line = record
        // Every line an input causes carries its id (a follow-up's /skip writes only the next
        // question), so a resend of any recorded input is recognised after a restart.
        if inputID != nil, line.type != .sessionStart { line.inputID = inputID }
        if line.type == .sessionStart {
            line.sessionID = sessionID
            line.tokenHash = tokenHash
        }
        try file.append(line)
    }

    /// Makes everything written so far durable: called before a request is acknowledged. The
    /// wait happens on a thread of its own, so other sessions go on while the disk works.
    private var folderSynced = false

    /// What flushes the lines written so far (and, the first time, the file's name).
    var flusher: TranscriptFlusher {
        defer { folderSynced = true }
        return file.flusher(includingFolder: !folderSynced)
    }

    /// Flushes with `flusher`, taken from the transcript on its owner's side.
    static func commit(_ flusher: TranscriptFlusher) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Self.flushing.async { continuation.resume(with: Result { try flusher.flush() }) }
        }
    }

    /// Blocking fsyncs wait here, not on the concurrency pool (two threads on two cores).
    private static let flushing = DispatchQueue(label: "rehearse.transcript-flush", attributes: .concurrent)
}
