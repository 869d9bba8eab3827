import Logging
import PostgresNIO

/// What runs a statement: the pool (each statement its own transaction) or one connection
/// inside a transaction the caller holds.
public protocol PostgresQuerying: Sendable {
    /// Runs `query` and returns its rows.
    func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence
    /// Runs a named prepared statement (parsed and planned once per connection) and returns
    /// its rows.
    func rows<Statement: PostgresPreparedStatement>(of statement: Statement, logger: Logger) async throws -> [Statement.Row]
}

extension PostgresClient: PostgresQuerying {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }

    public func rows<Statement: PostgresPreparedStatement>(of statement: Statement, logger: Logger) async throws -> [Statement.Row] {
        try await collect(execute(statement, logger: logger))
    }
}

extension PostgresConnection: PostgresQuerying {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }

    public func rows<Statement: PostgresPreparedStatement>(of statement: Statement, logger: Logger) async throws -> [Statement.Row] {
        try await collect(execute(statement, logger: logger))
    }
}

/// Every element of `rows`.
private func collect<Rows: AsyncSequence>(_ rows: Rows) async throws -> [Rows.Element] {
    var all: [Rows.Element] = []
    for try await row in rows { all.append(row) }
    return all
}
