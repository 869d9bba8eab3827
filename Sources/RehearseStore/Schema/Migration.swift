/// One step of the store's schema: applied once, in order, never edited after release (a
/// change is a new migration).
struct Migration: Sendable {
    let version: Int
    let summary: String
    let statements: [String]

    /// Every migration this rehearse knows, oldest first. Lines and inputs carry no foreign
    /// key: they are only ever written by the statement that updates their session's row, and
    /// a key check per line would cost every answer a lookup and a row lock.
    static let all: [Migration] = [
        Migration(
            version: 1, summary: "sessions, their transcript lines and their inputs' replies",
            statements: [
                """
                CREATE TABLE rehearse_sessions (
                    id text PRIMARY KEY,
                    token_sha256 text,
                    scenario text NOT NULL,
                    file_name text NOT NULL UNIQUE,
                    status text NOT NULL CHECK (status IN ('live', 'finished')),
                    end_reason text,
                    started_at timestamptz NOT NULL,
                    last_activity timestamptz NOT NULL,
                    last_seq integer NOT NULL
                ) WITH (fillfactor = 70)
                """,
                // Every answer updates last_seq and last_activity; with neither indexed (and room
                // left in each page) the update is HOT: no index is touched. The idle sweep
                // reads the live sessions through this index and filters on last_activity.
                "CREATE INDEX rehearse_sessions_live ON rehearse_sessions (status) WHERE status = 'live'",
                """
                CREATE TABLE rehearse_lines (
                    session_id text NOT NULL,
                    seq integer NOT NULL,
                    input_id text,
                    line text NOT NULL,
                    PRIMARY KEY (session_id, seq)
                )
                """,
                """
                CREATE TABLE rehearse_inputs (
                    session_id text NOT NULL,
                    input_id text NOT NULL,
                    reply text NOT NULL,
                    PRIMARY KEY (session_id, input_id)
                )
                """,
            ]),
        Migration(
            version: 2, summary: "candidates' names and when a session was last reviewed, for reviewers",
            statements: [
                "ALTER TABLE rehearse_sessions ADD COLUMN candidate text, ADD COLUMN reviewed_at timestamptz",
                // Reviewers page through sessions newest first; answers never change started_at.
                "CREATE INDEX rehearse_sessions_started ON rehearse_sessions (started_at DESC, id)",
                // Rows started before this version took the time the daemon made them; the pages
                // order sessions by the time their transcript records, to the millisecond.
                """
                UPDATE rehearse_sessions s SET
                    started_at = COALESCE((SELECT (l.line::json->>'time')::timestamptz FROM rehearse_lines l
                                           WHERE l.session_id = s.id AND l.seq = 1), s.started_at),
                    candidate = (SELECT l.line::json->>'candidate' FROM rehearse_lines l WHERE l.session_id = s.id AND l.seq = 1)
                """,
                // Partial: most sessions are never reviewed, and answers never touch the column,
                // so their updates stay HOT.
                "CREATE INDEX rehearse_sessions_reviewed ON rehearse_sessions (reviewed_at) WHERE reviewed_at IS NOT NULL",
            ]),
    ]

    /// The newest schema version this rehearse knows.
    static var latest: Int { all.last?.version ?? 0 }
}
