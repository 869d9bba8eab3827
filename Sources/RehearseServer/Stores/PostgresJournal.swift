import Foundation
import RehearseCore
import RehearseStore

/// A session's lines in PostgreSQL. Lines wait in memory until the request's commitment: one
/// statement that appends them, updates the session row and keeps the reply, applied only if
/// the session still has the lines this daemon last saw.
final class PostgresJournal: SessionJournal {
    let sessionID: String
    let fileName: String
    private let tokenHash: String
    private let access: StoreAccess
    /// The session's row, until its first commit inserts it.
    private var newRow: NewSessionRow?
    /// Lines stored.
    private var stored: Int
    private var pending: [String] = []
    /// How many of `pending` the commitment in flight carries.
    private var committing = 0
    private var check: ReplayCheck
    /// Ids of stored replies: an input that wrote no line is known only by its reply.
    private var repliedInputIDs: [String] = []
    var inputID: String?

    /// A journal for a new session: its row is inserted with its first lines.
    init(row: NewSessionRow, tokenHash: String, access: StoreAccess) {
        sessionID = row.id
        fileName = row.fileName
        self.tokenHash = tokenHash
        self.access = access
        newRow = row
        stored = 0
        check = ReplayCheck(stored: [])
    }

    /// A journal for a stored session whose lines are `existing`.
    init(stored session: StoredSession, records: [TranscriptRecord], tokenHash: String, access: StoreAccess) {
        sessionID = session.id
        fileName = session.fileName
        self.tokenHash = tokenHash
        self.access = access
        stored = session.lastSeq
        check = ReplayCheck(stored: records)
        repliedInputIDs = session.inputIDs
    }

    var location: String { fileName }
    var keepsReplies: Bool { true }
    var mark: Int { stored + pending.count }
    var divergence: String? { check.divergence }
    var caughtUp: Bool { check.caughtUp }
    var recordedInputIDs: [String] { check.inputIDs + repliedInputIDs }

    func append(_ record: TranscriptRecord) throws {
        // The row starts when the transcript says it did, to the millisecond: reviewers page
        // through sessions by that time, read from the row or from the line alike.
        if record.type == .sessionStart, newRow != nil, let time = TranscriptTime.parse(record.time) {
            newRow?.startedAt = time
            newRow?.lastActivity = time
        }
        if check.consume(record) { return }
        guard check.divergence == nil else { return }
        var line: [UInt8] = []
        TranscriptLine.append(record, stamp: DaemonLine.stamp(record, sessionID: sessionID, tokenHash: tokenHash, inputID: inputID), to: &line)
        pending.append(String(decoding: line, as: UTF8.self))
    }

    func rollBack(to mark: Int) throws {
        guard mark >= stored else { throw CoreError.transcript("cannot undo lines already committed to the store") }
        pending.removeLast(max(0, stored + pending.count - mark))
    }

    func commitment(_ turn: JournalTurn?) -> any JournalCommitment {
        committing = pending.count
        if let newRow { return Insert(access: access, row: newRow, lines: pending) }
        // A flush at shutdown: every turn committed its own lines already.
        guard let turn else {
            committing = 0
            return NoWrite()
        }
        // Nothing new and no reply to keep (a rebuild that said only what is stored, a /help
        // without an id): no round trip.
        if pending.isEmpty, turn.inputID == nil { return NoWrite() }
        let write = SessionWrite(
            sessionID: sessionID, expectedSeq: stored, lines: pending, inputID: turn.inputID,
            reply: turn.reply.map { String(decoding: $0, as: UTF8.self) }, finished: turn.finished, endReason: turn.endReason,
            lastActivity: turn.lastActivity)
        return Apply(access: access, write: write)
    }

    func committed() {
        stored += committing
        pending.removeFirst(min(committing, pending.count))
        committing = 0
        newRow = nil
    }

    func abandoned(after error: any Error) {
        pending.removeAll()
        committing = 0
    }

    func finishWriting() {}

    func storedReply(for inputID: String) -> (@Sendable () async throws -> Data?)? {
        let (access, sessionID) = (access, sessionID)
        return {
            try await access.run { db in try await access.rows.reply(session: sessionID, input: inputID, on: db) }.map { Data($0.utf8) }
        }
    }

    /// The first lines of a new session, with its row.
    private struct Insert: JournalCommitment {
        let access: StoreAccess
        let row: NewSessionRow
        let lines: [String]

        func commit() async throws {
            let (access, row, lines) = (access, row, lines)
            let inserted = try await access.run { db in try await access.rows.insert(row, lines: lines, on: db) }
            // Ids are 128 random bits: a clash means this very row was written already.
            guard inserted else { throw ServerError.stale }
        }
    }

    /// Nothing to write: every line is stored and there is no reply to keep.
    private struct NoWrite: JournalCommitment {
        func commit() async throws {}
    }

    /// A request's lines, applied if nobody wrote to the session meanwhile.
    private struct Apply: JournalCommitment {
        let access: StoreAccess
        let write: SessionWrite

        func commit() async throws {
            let write = write
            guard try await access.run({ db in try await access.rows.apply(write, on: db) }) else { throw ServerError.stale }
        }
    }
}
