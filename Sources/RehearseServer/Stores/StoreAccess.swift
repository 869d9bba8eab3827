import Foundation
import RehearseStore

/// How the PostgreSQL store runs a statement: on the pool with a deadline, or on the
/// connection of a transaction the caller holds (the idle sweep). Failures become the errors
/// clients see: 503 with `Retry-After` when the database is down or slow, never a hang.
struct StoreAccess: Sendable {
    let db: any PostgresQuerying
    let rows: SessionRows
    /// Seconds a statement may take; `nil` inside a transaction, which is bounded by its owner.
    let timeout: Double?
    let retryAfter: Int

    /// `body`'s result, with failures as ``ServerError``.
    func run<T: Sendable>(_ body: @escaping @Sendable (any PostgresQuerying) async throws -> T) async throws(ServerError) -> T {
        let db = db
        do {
            if let timeout { return try await Deadline.run(seconds: timeout) { try await body(db) } }
            return try await body(db)
        } catch let error as ServerError {
            throw error
        } catch let error as Deadline.Expired {
            throw .unavailable("\(error)", retryAfter: retryAfter)
        } catch {
            if DatabaseFailure.isDuplicate(error) { throw .stale }
            if DatabaseFailure.isUnavailable(error) { throw .unavailable(DatabaseFailure.describe(error), retryAfter: retryAfter) }
            throw .storage(DatabaseFailure.describe(error))
        }
    }
}
