import Logging
import PostgresNIO

/// What runs a statement: the pool (each statement its own transaction) or one connection
/// inside a transaction the caller holds.
public protocol PostgresQuerying: Sendable {
    /// Runs `query` and returns its rows.
    func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence
}

extension PostgresClient: PostgresQuerying {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}

extension PostgresConnection: PostgresQuerying {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}
