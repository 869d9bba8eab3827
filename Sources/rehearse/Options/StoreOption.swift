import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RehearseCore
import RehearseStore

/// `--store URL` for the `store` commands, which need a PostgreSQL store.
struct StoreOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("The PostgreSQL store: postgres://[user[:password]@][host][:port][/database] (also $REHEARSE_STORE).", valueName: "url"))
    var store: String?

    /// The PostgreSQL address from `--store`, `$REHEARSE_STORE` or the `store` key.
    private func address(_ global: GlobalOptions, for command: String) throws -> PostgresAddress {
        let context = try CommandContext(global, extraFlags: store.map { ["store": ($0, "--store")] } ?? [:])
        guard let text = context.config.store else {
            throw StoreError.badLocation("`rehearse store \(command)` needs --store postgres://… (or $REHEARSE_STORE)")
        }
        guard case .postgres(let address) = try StoreLocation.parse(text, environment: context.environment) else {
            throw StoreError.badLocation("`rehearse store \(command)` works on a PostgreSQL store; \"\(text)\" is a folder of transcripts already")
        }
        return address
    }

    /// Runs `body` with a client on the store (its schema checked unless `checkSchema` is
    /// false) and returns the store's address with what `body` returned.
    func withClient<T: Sendable>(
        _ global: GlobalOptions, for command: String, checkSchema: Bool = true,
        _ body: @escaping @Sendable (PostgresClient, Logger) async throws -> T
    ) async throws -> (address: PostgresAddress, result: T) {
        let address = try address(global, for: command)
        let logger = Self.logger
        let result = try await PostgresDatabase.with(address, logger: logger, checkSchema: checkSchema) { try await body($0, logger) }
        return (address, result)
    }

    /// A logger that keeps PostgresNIO quiet and says what migrations did.
    static var logger: Logger {
        var logger = Logger(label: "rehearse.store")
        logger.logLevel = .warning
        return logger
    }
}
