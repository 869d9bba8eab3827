import PostgresNIO

/// A session's row and every line, in order: what a daemon needs to rebuild it. Prepared once
/// per connection: a session moving between daemons runs it.
struct LoadStatement: PostgresPreparedStatement {
    typealias Row = StoredSession

    static let sql = """
        SELECT s.token_sha256, s.status, s.file_name, s.last_seq,
               ARRAY(SELECT l.line FROM rehearse_lines l WHERE l.session_id = s.id ORDER BY l.seq),
               ARRAY(SELECT i.input_id FROM rehearse_inputs i WHERE i.session_id = s.id)
        FROM rehearse_sessions s WHERE s.id = $1::text
        """

    let id: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> StoredSession {
        let (token, status, file, seq, lines, inputs) = try row.decode((String?, String, String, Int, [String], [String]).self)
        return StoredSession(
            id: id, tokenHash: token, finished: status == "finished", fileName: file, lastSeq: seq, lines: lines, inputIDs: inputs)
    }
}
