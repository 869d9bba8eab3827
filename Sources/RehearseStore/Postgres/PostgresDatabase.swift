import Logging
import PostgresNIO

/// A client for one address, for commands that run a few statements and exit: the pool runs
/// for as long as `body` does.
public enum PostgresDatabase {
    /// Runs `body` with a connected client for `address`, checking first that the schema is
    /// the one this rehearse writes (unless `checkSchema` is false: `store migrate`).
    public static func with<T: Sendable>(
        _ address: PostgresAddress, logger: Logger, checkSchema: Bool = true, _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: address.clientConfiguration(poolSize: 4), backgroundLogger: logger)
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    await client.run()
                    return nil
                }
                group.addTask {
                    // The first statement proves the server answers; a server that is down would
                    // otherwise keep the pool retrying for ever.
                    try await Deadline.run(seconds: Double(address.connectTimeout ?? 10)) {
                        if checkSchema {
                            try await Migrator.check(client, logger: logger)
                        } else {
                            try await client.query("SELECT 1", logger: logger)
                        }
                    }
                    return try await body(client)
                }
                defer { group.cancelAll() }
                while let result = try await group.next() {
                    if let result { return result }
                }
                throw StoreError.database("the PostgreSQL client stopped early")
            }
        } catch let error as StoreError {
            throw error
        } catch let error as Deadline.Expired {
            throw StoreError.database("\(address): \(error) (check the URL, the PG* variables and that PostgreSQL runs)")
        } catch {
            throw StoreError.database("\(address): \(DatabaseFailure.describe(error))")
        }
    }
}
