import ArgumentParser

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up a PostgreSQL session store, and move transcripts in and out of it.",
        discussion: """
            Several `rehearse serve --store postgres://…` daemons share one database; see \
            docs/deploy.md. Parts the URL leaves out come from PGHOST, PGPORT, PGUSER, \
            PGPASSWORD and PGDATABASE, as with psql.
            """,
        subcommands: [StoreMigrateCommand.self, StoreExportCommand.self, StoreImportCommand.self]
    )
}
