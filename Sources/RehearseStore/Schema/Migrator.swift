import Logging
import PostgresNIO

/// Brings a database's schema up to date. Two daemons starting at once must not both create
/// the tables: the whole check-and-apply runs in one transaction holding an advisory lock,
/// so the second waits and then finds nothing to do.
public enum Migrator {
    /// The newest schema version this rehearse knows.
    public static var latest: Int { Migration.latest }

    /// The advisory lock's key: "rehearse" in ASCII, so other applications' keys do not collide.
    static let lockKey: Int64 = 0x7265_6865_6172_7365

    /// What a run did.
    public struct Outcome: Sendable, Equatable {
        /// The schema version before the run (0: an empty database).
        public var from: Int
        /// The version now.
        public var to: Int
    }

    /// Applies every migration the database lacks.
    /// - Throws: ``StoreError/schemaTooNew(found:known:)`` when the database is ahead of this
    ///   rehearse, or ``StoreError/database(_:)``.
    @discardableResult
    public static func migrate(_ client: PostgresClient, logger: Logger) async throws -> Outcome {
        do {
            return try await apply(client, logger: logger)
        } catch let error as PostgresTransactionError {
            // Our own refusal, not the database's: report it as itself.
            if let refusal = error.closureError as? StoreError { throw refusal }
            throw error
        }
    }

    private static func apply(_ client: PostgresClient, logger: Logger) async throws -> Outcome {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS rehearse_schema (
                    version integer PRIMARY KEY,
                    summary text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM rehearse_schema", logger: logger)
                .decode(Int.self)
            {
                current = version
            }
            guard current <= Migration.latest else { throw StoreError.schemaTooNew(found: current, known: Migration.latest) }
            for migration in Migration.all where migration.version > current {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO rehearse_schema (version, summary) VALUES (\(migration.version), \(migration.summary))", logger: logger)
                logger.info("applied a store migration", metadata: ["version": "\(migration.version)"])
            }
            return Outcome(from: current, to: max(current, Migration.latest))
        }
    }

    /// The schema version of the database, without changing it (0: not set up).
    public static func version(_ client: PostgresClient, logger: Logger) async throws -> Int {
        let exists = try await client.query("SELECT to_regclass('rehearse_schema') IS NOT NULL", logger: logger).decode(Bool.self)
        var found = false
        for try await value in exists { found = value }
        guard found else { return 0 }
        var current = 0
        for try await value in try await client.query("SELECT coalesce(max(version), 0) FROM rehearse_schema", logger: logger).decode(Int.self) {
            current = value
        }
        return current
    }

    /// Fails unless the database's schema is exactly the one this rehearse writes.
    public static func check(_ client: PostgresClient, logger: Logger) async throws {
        let found = try await version(client, logger: logger)
        if found > Migration.latest { throw StoreError.schemaTooNew(found: found, known: Migration.latest) }
        if found < Migration.latest {
            throw StoreError.database(
                "the store's schema is version \(found), this rehearse needs \(Migration.latest) (run `rehearse store migrate --store URL`)")
        }
    }
}
