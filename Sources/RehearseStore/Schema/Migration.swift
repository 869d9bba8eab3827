/// One step of the store's schema: applied once, in order, never edited after release (a
/// change is a new migration).
struct Migration: Sendable {
    let version: Int
    let summary: String
    let statements: [String]

    /// Every migration this rehearse knows, oldest first.
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
                )
                """,
                "CREATE INDEX rehearse_sessions_idle ON rehearse_sessions (last_activity) WHERE status = 'live'",
                "CREATE INDEX rehearse_sessions_started ON rehearse_sessions (started_at DESC, id)",
                """
                CREATE TABLE rehearse_lines (
                    session_id text NOT NULL REFERENCES rehearse_sessions (id) ON DELETE CASCADE,
                    seq integer NOT NULL,
                    input_id text,
                    line text NOT NULL,
                    PRIMARY KEY (session_id, seq)
                )
                """,
                """
                CREATE TABLE rehearse_inputs (
                    session_id text NOT NULL REFERENCES rehearse_sessions (id) ON DELETE CASCADE,
                    input_id text NOT NULL,
                    reply text NOT NULL,
                    PRIMARY KEY (session_id, input_id)
                )
                """,
            ])
    ]

    /// The newest schema version this rehearse knows.
    static var latest: Int { all.last?.version ?? 0 }
}
