import Dispatch
import Foundation
import RehearseCore

/// A daemon session's transcript in the files store: the local format, with the session id
/// and token hash on the `session_start` line, and one fsync per request instead of one per
/// line. When a session is recovered, the lines already on disk are checked against what the
/// engine says again instead of being written twice.
final class DaemonTranscript: SessionJournal {
    let file: TranscriptFile
    private let sessionID: String
    private let tokenHash: String
    private var check: ReplayCheck
    var inputID: String?
    /// A new file's name is durable only once its folder is flushed too, the first time.
    private var folderSynced: Bool

    /// A transcript for a new session, or for a recovered one whose file holds `existing`.
    init(file: TranscriptFile, sessionID: String, tokenHash: String, existing: [TranscriptRecord] = []) {
        file.syncsEachLine = false
        folderSynced = !existing.isEmpty
        self.file = file
        self.sessionID = sessionID
        self.tokenHash = tokenHash
        check = ReplayCheck(stored: existing)
    }

    var location: String { file.path }
    var keepsReplies: Bool { false }
    var fileName: String { (file.path as NSString).lastPathComponent }
    var mark: Int { file.mark }
    var divergence: String? { check.divergence }
    var caughtUp: Bool { check.caughtUp }
    var recordedInputIDs: [String] { check.inputIDs }

    func rollBack(to mark: Int) throws { try file.rollBack(to: mark) }

    func append(_ record: TranscriptRecord) throws {
        if check.consume(record) { return }
        // Once the engine says something other than the file, recovery will end the session:
        // writing its version after the recorded lines would make up a history.
        guard check.divergence == nil else { return }
        try file.append(DaemonLine.stamp(record, sessionID: sessionID, tokenHash: tokenHash, inputID: inputID))
    }

    func commitment(_ turn: JournalTurn?) -> any JournalCommitment {
        defer { folderSynced = true }
        return Flush(flusher: file.flusher(includingFolder: !folderSynced))
    }

    func committed() {}
    func abandoned() {}
    func finishWriting() { file.finishWriting() }
    func storedReply(for inputID: String) -> (@Sendable () async throws -> Data?)? { nil }

    /// An fdatasync, waited for on a thread of its own so other sessions go on while the disk
    /// works (the concurrency pool has two threads on two cores).
    private struct Flush: JournalCommitment {
        let flusher: TranscriptFlusher

        func commit() async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                DaemonTranscript.flushing.async { continuation.resume(with: Result { try flusher.flush() }) }
            }
        }
    }

    private static let flushing = DispatchQueue(label: "rehearse.transcript-flush", attributes: .concurrent)
}
