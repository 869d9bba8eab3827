import Foundation
import RehearseCore

/// A daemon session's transcript in the files store: the local format, with the session id
/// and token hash on the `session_start` line. A request's lines wait in memory until its
/// commitment, which writes them to the file in one go (no flush) and hands the same bytes to
/// the daemon's ``GroupJournal``, whose batch flush makes them durable. When a session is
/// recovered, the lines already on disk are checked against what the engine says again
/// instead of being written twice.
final class DaemonTranscript: SessionJournal {
    let file: TranscriptFile
    private let journal: GroupJournal
    private let sessionID: String
    private let tokenHash: String
    private var check: ReplayCheck
    /// Lines of the request in hand, not yet in the file.
    private var pending: [UInt8] = []
    /// Where the commitment in flight started writing, to cut the file back if it fails.
    private var committingFrom: Int?
    /// Where lines start that may or may not be durable (the journal broke under them).
    private var keptFrom: Int?
    var inputID: String?
    /// Named in every message and journal entry: worked out once (NSString's path functions
    /// showed in the daemon's profile).
    let fileName: String

    /// A transcript for a new session, or for a recovered one whose file holds `existing`.
    init(file: TranscriptFile, journal: GroupJournal, sessionID: String, tokenHash: String, existing: [TranscriptRecord] = []) {
        file.syncsEachLine = false
        self.file = file
        self.journal = journal
        self.sessionID = sessionID
        self.tokenHash = tokenHash
        fileName = JournalEntry.name(ofPath: file.path)
        check = ReplayCheck(stored: existing)
    }

    var location: String { file.path }
    var keepsReplies: Bool { false }
    var mark: Int { file.mark + pending.count }
    var divergence: String? { check.divergence }
    var caughtUp: Bool { check.caughtUp }
    var recordedInputIDs: [String] { check.inputIDs }

    func rollBack(to mark: Int) throws {
        if let keptFrom, mark < file.mark {
            throw CoreError.transcript("lines from byte \(keptFrom) of \"\(file.path)\" may be durable; restart the daemon to continue the session")
        }
        if mark >= file.mark {
            pending.removeLast(max(0, min(pending.count, self.mark - mark)))
        } else {
            pending.removeAll()
            try file.rollBack(to: mark)
        }
    }

    func append(_ record: TranscriptRecord) throws {
        if check.consume(record) { return }
        // Once the engine says something other than the file, recovery will end the session:
        // writing its version after the recorded lines would make up a history.
        guard check.divergence == nil else { return }
        let stamp = DaemonLine.stamp(record, sessionID: sessionID, tokenHash: tokenHash, inputID: inputID)
        TranscriptLine.append(record, stamp: stamp, to: &pending)
        pending.append(UInt8(ascii: "\n"))
    }

    func commitment(_ turn: JournalTurn?) -> any JournalCommitment {
        // Nothing new (a flush at shutdown, a rebuild that said only what is stored): every
        // earlier commit is durable already.
        guard !pending.isEmpty else { return Written() }
        let lines = pending
        pending.removeAll(keepingCapacity: true)
        let offset = file.mark
        committingFrom = offset
        do { try file.write(lines: lines) } catch { return Failed(error: error) }
        return Group(journal: journal, entry: JournalEntry(file: fileName, offset: offset, bytes: lines))
    }

    func committed() { committingFrom = nil }

    /// The lines are in the file but not durable, and the engine takes them back: so does the
    /// file. When the journal cannot tell whether they became durable, they stay (a replay
    /// would bring them back) and the file refuses to be cut behind them, so the session is
    /// marked inconsistent and takes no more input until a restart rebuilds it from the file.
    func abandoned(after error: any Error) {
        pending.removeAll()
        guard let from = committingFrom else { return }
        committingFrom = nil
        if error is GroupJournal.OutcomeUnknown {
            keptFrom = min(keptFrom ?? from, from)
            return
        }
        try? file.rollBack(to: from)
    }

    func finishWriting() { file.finishWriting() }
    func storedReply(for inputID: String) -> (@Sendable () async throws -> Data?)? { nil }

    /// Waits for the journal batch holding the lines.
    private struct Group: JournalCommitment {
        let journal: GroupJournal
        let entry: JournalEntry

        func commit() async throws { try await journal.commit(entry) }
        func commit(then done: @escaping @Sendable (Result<Void, any Error>) -> Void) { journal.commit(entry, then: done) }
    }

    private struct Written: JournalCommitment {
        func commit() async throws {}
        func commit(then done: @escaping @Sendable (Result<Void, any Error>) -> Void) { done(.success(())) }
    }

    private struct Failed: JournalCommitment {
        let error: any Error
        func commit() async throws { throw error }
        func commit(then done: @escaping @Sendable (Result<Void, any Error>) -> Void) { done(.failure(error)) }
    }
}
