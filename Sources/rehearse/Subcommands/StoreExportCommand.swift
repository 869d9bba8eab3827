import ArgumentParser
import RehearseStore

struct StoreExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every session in the store to a folder, one JSON Lines file each.",
        discussion: "The files are the ones the files store writes: the same names, lines and order.")

    @Argument(help: ArgumentHelp("The folder to write to (created if needed).", valueName: "dir"))
    var folder: String
    @OptionGroup var store: StoreOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let folder = folder
        let (_, count) = try await store.withClient(global, for: "export") { client, logger in
            try await TranscriptRows(logger: logger).export(to: folder, on: client)
        }
        print("rehearse store: wrote \(count) transcript\(count == 1 ? "" : "s") to \(folder)")
    }
}
