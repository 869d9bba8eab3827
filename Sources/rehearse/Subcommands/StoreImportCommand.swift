import ArgumentParser
import Foundation
import RehearseStore

struct StoreImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a folder of transcripts (a files store) into the store.",
        discussion: """
            Sessions the store has already are left as they are, so importing twice adds \
            nothing. Unfinished daemon sessions can be continued by any daemon on the store, \
            with their old tokens.
            """)

    @Argument(help: ArgumentHelp("The transcripts folder to read.", valueName: "dir"))
    var folder: String
    @OptionGroup var store: StoreOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let folder = folder
        let (_, outcome) = try await store.withClient(global, for: "import") { client, logger in
            try await TranscriptRows(logger: logger).importFolder(folder, on: client)
        }
        for skipped in outcome.skipped {
            FileHandle.standardError.write(Data("rehearse: warning: skipped \(skipped)\n".utf8))
        }
        print("rehearse store: imported \(outcome.added) session\(outcome.added == 1 ? "" : "s") (\(outcome.present) already there)")
    }
}
