import PostgresNIO

/// What went wrong with PostgreSQL, in words for a log or a terminal. PostgresNIO's own
/// description hides everything (it may hold data), so the parts that are safe are picked out.
public enum DatabaseFailure {
    /// A one-line account of `error`.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.description }
        if let error = error as? PostgresTransactionError, let cause = cause(of: error) { return describe(cause) }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "PostgreSQL said: \(message)\(code)"
        }
        if let underlying = error.underlying { return "cannot reach PostgreSQL: \(underlying)" }
        return "PostgreSQL connection failed: \(error.code.description)"
    }

    /// Whether `error` says the server or the network failed (worth retrying later), rather
    /// than a statement being wrong.
    public static func isUnavailable(_ error: any Error) -> Bool {
        if let error = error as? PostgresTransactionError, let cause = cause(of: error) { return isUnavailable(cause) }
        guard let error = error as? PSQLError else { return !(error is StoreError) }
        guard let state = error.serverInfo?[.sqlState] else { return true }
        // Class 08: connection exceptions; 57P: the server is shutting down or restarting;
        // 53: out of resources (too many connections).
        return state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53")
    }

    /// Whether `error` is a unique-key violation: another request recorded the same thing first.
    public static func isDuplicate(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }

    /// What made a transaction fail: its body, or else BEGIN, COMMIT or ROLLBACK.
    static func cause(of error: PostgresTransactionError) -> (any Error)? {
        error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
    }
}
