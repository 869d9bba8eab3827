import Foundation
import Logging
import PostgresNIO

/// The statements behind the reviewers' routes: transcripts read whole, and a review line
/// appended to a session any daemon holds.
public struct ReviewRows: Sendable {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// A stored transcript: its file name and lines.
    public struct Transcript: Sendable {
        public var fileName: String
        public var lines: [String]

        public init(fileName: String, lines: [String]) {
            self.fileName = fileName
            self.lines = lines
        }
    }

    /// Which sessions a reviewer asks for, matched in the database so that only their lines
    /// are read: `nil` lets everything through.
    public struct Query: Sendable {
        /// Part of the candidate's name, in any case.
        public var candidate: String?
        public var scenario: String?
        public var finished: Bool?
        public var since: Date?
        /// Only sessions after this one (start time, id), newest first.
        public var after: (startedAt: Date, id: String)?
        /// At most this many sessions.
        public var limit: Int?

        public init(
            candidate: String? = nil, scenario: String? = nil, finished: Bool? = nil, since: Date? = nil,
            after: (startedAt: Date, id: String)? = nil, limit: Int? = nil
        ) {
            self.candidate = candidate
            self.scenario = scenario
            self.finished = finished
            self.since = since
            self.after = after
            self.limit = limit
        }
    }

    /// The transcripts of the sessions `query` asks for, newest first, ties by id.
    public func transcripts(_ query: Query, on db: some PostgresQuerying) async throws -> [Transcript] {
        let status = query.finished.map { $0 ? "finished" : "live" }
        let (afterTime, afterID) = (query.after?.startedAt, query.after?.id)
        let rows = try await db.run(
            """
            SELECT s.file_name, ARRAY(SELECT l.line FROM rehearse_lines l WHERE l.session_id = s.id ORDER BY l.seq)
            FROM rehearse_sessions s
            WHERE (\(query.candidate)::text IS NULL OR position(lower(\(query.candidate)::text) IN lower(coalesce(s.candidate, ''))) > 0)
              AND (\(query.scenario)::text IS NULL OR s.scenario = \(query.scenario)::text)
              AND (\(status)::text IS NULL OR s.status = \(status)::text)
              AND (\(query.since)::timestamptz IS NULL OR s.started_at >= \(query.since)::timestamptz)
              AND (\(afterTime)::timestamptz IS NULL OR s.started_at < \(afterTime)::timestamptz
                   OR (s.started_at = \(afterTime)::timestamptz AND s.id > \(afterID)::text))
            ORDER BY s.started_at DESC, s.id
            LIMIT \(query.limit)::int8
            """, logger: logger)
        var found: [Transcript] = []
        for try await (name, lines) in rows.decode((String, [String]).self) { found.append(Transcript(fileName: name, lines: lines)) }
        return found
    }

    /// The transcripts of sessions reviewed at or after `since` (all reviewed sessions when
    /// `nil`), with the database's time now, from which the next call can go on.
    public func reviewed(since: Date?, on db: some PostgresQuerying) async throws -> (transcripts: [Transcript], now: Date) {
        let rows = try await db.run(
            """
            SELECT s.file_name, ARRAY(SELECT l.line FROM rehearse_lines l WHERE l.session_id = s.id ORDER BY l.seq), now()
            FROM rehearse_sessions s
            WHERE s.reviewed_at IS NOT NULL AND (\(since)::timestamptz IS NULL OR s.reviewed_at >= \(since)::timestamptz)
            UNION ALL SELECT NULL, NULL, now()
            """, logger: logger)
        var found: [Transcript] = []
        var now = Date()
        for try await (name, lines, time) in rows.decode((String?, [String]?, Date).self) {
            now = time
            if let name, let lines { found.append(Transcript(fileName: name, lines: lines)) }
        }
        return (found, now)
    }

    /// Appends `line` to session `id` as its next line and marks the session reviewed, in one
    /// statement: the row's lock orders it with the session's own writes, which then find
    /// the session moved on and read it again. `false` when there is no such session.
    public func append(_ line: String, to id: String, on db: some PostgresQuerying) async throws -> Bool {
        let rows = try await db.run(
            """
            WITH s AS (
                UPDATE rehearse_sessions SET last_seq = last_seq + 1, reviewed_at = now()
                WHERE id = \(id) RETURNING id, last_seq
            ), l AS (
                INSERT INTO rehearse_lines (session_id, seq, input_id, line) SELECT s.id, s.last_seq, NULL, \(line) FROM s
            )
            SELECT count(*)::int4 FROM s
            """, logger: logger)
        for try await count in rows.decode(Int32.self) { return count == 1 }
        return false
    }
}
