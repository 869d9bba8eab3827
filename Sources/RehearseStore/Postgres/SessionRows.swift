import Foundation
import Logging
import PostgresNIO

/// Every statement the daemon runs on its sessions, each one round trip. A write is a single
/// statement in its own implicit transaction, committed when the server handles the Sync that
/// ends it; with `synchronous_commit` on, the WAL is on disk before the server sends anything
/// more. PostgresNIO hands the rows over at CommandComplete, which the server holds in its
/// output buffer until ReadyForQuery, after the commit: that holds for these one-row results
/// (far below the 8 KiB buffer), and is why a write never returns a large result.
public struct SessionRows: Sendable {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// The session `id` with its lines, or `nil`.
    public func load(_ id: String, on db: some PostgresQuerying) async throws -> StoredSession? {
        try await db.rows(of: LoadStatement(id: id), logger: logger).first
    }

    /// How many lines session `id` has, and its token's hash; `nil` when there is no such session.
    public func head(_ id: String, on db: some PostgresQuerying) async throws -> (tokenHash: String?, lastSeq: Int)? {
        let rows = try await db.run("SELECT token_sha256, last_seq FROM rehearse_sessions WHERE id = \(id)", logger: logger)
        for try await (token, seq) in rows.decode((String?, Int).self) { return (token, seq) }
        return nil
    }

    /// Adds a session with its first lines; `false` when a session with its id or file name
    /// is there already (nothing is written then).
    @discardableResult
    public func insert(_ row: NewSessionRow, lines: [String], inputIDs: [String?]? = nil, on db: some PostgresQuerying) async throws -> Bool {
        let seqs = lines.indices.map { $0 + 1 }
        // Arrays cannot carry NULL through the binding: "" stands for no input id.
        let ids = (inputIDs ?? Array(repeating: nil, count: lines.count)).map { $0 ?? "" }
        let rows = try await db.run(
            """
            WITH s AS (
                INSERT INTO rehearse_sessions (id, token_sha256, scenario, file_name, status, end_reason, started_at, last_activity, last_seq, candidate)
                VALUES (\(row.id), \(row.tokenHash), \(row.scenario), \(row.fileName), \(row.finished ? "finished" : "live"),
                        \(row.endReason), \(row.startedAt), \(row.lastActivity), \(lines.count), \(row.candidate))
                ON CONFLICT DO NOTHING RETURNING id
            ), l AS (
                INSERT INTO rehearse_lines (session_id, seq, input_id, line)
                SELECT s.id, x.seq, nullif(x.input_id, ''), x.line FROM s, unnest(\(seqs)::int4[], \(ids)::text[], \(lines)::text[]) AS x(seq, input_id, line)
            )
            SELECT count(*)::int4 FROM s
            """, logger: logger)
        for try await count in rows.decode(Int32.self) { return count == 1 }
        return false
    }

    /// Applies `write` if the session still has `write.expectedSeq` lines; `false` if another
    /// request extended it first (nothing is written then).
    public func apply(_ write: SessionWrite, on db: some PostgresQuerying) async throws -> Bool {
        try await db.rows(of: ApplyStatement(write: write), logger: logger).first == 1
    }

    /// The reply stored for input `inputID` of session `id`.
    public func reply(session id: String, input inputID: String, on db: some PostgresQuerying) async throws -> String? {
        let rows = try await db.run(
            "SELECT reply FROM rehearse_inputs WHERE session_id = \(id) AND input_id = \(inputID)", logger: logger)
        for try await reply in rows.decode(String.self) { return reply }
        return nil
    }

    /// Up to `limit` live sessions idle since before `cutoff`, most idle first; not locked:
    /// ``lockIfIdle(_:before:on:)`` takes each in its own transaction.
    public func idle(before cutoff: Date, limit: Int, on db: some PostgresQuerying) async throws -> [String] {
        let rows = try await db.run(
            """
            SELECT id FROM rehearse_sessions
            WHERE status = 'live' AND token_sha256 IS NOT NULL AND last_activity < \(cutoff)
            ORDER BY last_activity LIMIT \(limit)
            """, logger: logger)
        var ids: [String] = []
        for try await id in rows.decode(String.self) { ids.append(id) }
        return ids
    }

    /// Locks session `id` for the caller's transaction if it is still live and idle since
    /// before `cutoff`; `false` when it is not, or another daemon holds it (SKIP LOCKED), so
    /// each idle session is ended by one daemon.
    public func lockIfIdle(_ id: String, before cutoff: Date, on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.run(
            """
            SELECT id FROM rehearse_sessions
            WHERE id = \(id) AND status = 'live' AND last_activity < \(cutoff)
            FOR UPDATE SKIP LOCKED
            """, logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    /// How many sessions are live, across every daemon.
    public func liveCount(on db: some PostgresQuerying) async throws -> Int {
        let rows = try await db.run("SELECT count(*)::int8 FROM rehearse_sessions WHERE status = 'live'", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
