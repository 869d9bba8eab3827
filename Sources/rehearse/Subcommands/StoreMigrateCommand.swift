import ArgumentParser
import RehearseStore

struct StoreMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the store's tables (daemons also do it when they start).")

    @OptionGroup var store: StoreOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let (address, outcome) = try await store.withClient(global, for: "migrate", checkSchema: false) { client, logger in
            try await Migrator.migrate(client, logger: logger)
        }
        print(
            outcome.from == outcome.to
                ? "rehearse store: \(address) is up to date (schema \(outcome.to))"
                : "rehearse store: \(address) migrated from schema \(outcome.from) to \(outcome.to)")
    }
}
