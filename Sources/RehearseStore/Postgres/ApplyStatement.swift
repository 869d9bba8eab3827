import PostgresNIO

/// A request's write: the new lines, the session row's new state and the reply kept for its
/// input id, in one statement that changes nothing unless the session still has the lines
/// the daemon saw. Prepared once per connection: every answer runs it.
struct ApplyStatement: PostgresPreparedStatement {
    typealias Row = Int32

    // Every parameter is cast to the type its Swift value is sent as.
    static let sql = """
        WITH s AS (
            UPDATE rehearse_sessions
            SET last_seq = $3::int8, status = $4::text, end_reason = $5::text, last_activity = $6::timestamptz
            WHERE id = $1::text AND last_seq = $2::int8
            RETURNING id
        ), l AS (
            INSERT INTO rehearse_lines (session_id, seq, input_id, line)
            SELECT s.id, x.seq, $7::text, x.line FROM s, unnest($8::int8[], $9::text[]) AS x(seq, line)
        ), i AS (
            INSERT INTO rehearse_inputs (session_id, input_id, reply)
            SELECT s.id, $7::text, $10::text FROM s WHERE $7::text IS NOT NULL
        )
        SELECT count(*)::int4 FROM s
        """

    let write: SessionWrite

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 10)
        bindings.append(write.sessionID)
        bindings.append(write.expectedSeq)
        bindings.append(write.expectedSeq + write.lines.count)
        bindings.append(write.finished ? "finished" : "live")
        bindings.append(write.endReason)
        bindings.append(write.lastActivity)
        bindings.append(write.inputID)
        bindings.append(write.lines.indices.map { write.expectedSeq + $0 + 1 })
        bindings.append(write.lines)
        bindings.append(write.reply)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int32 {
        try row.decode(Int32.self)
    }
}
