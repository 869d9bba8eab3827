import ArgumentParser
import Foundation
import RehearseServer
import RehearseStore
import RehearseTerminal

struct StoreImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a folder of transcripts (a files store) into the store.",
        discussion: """
            Sessions the store has already are left as they are, so importing twice adds \
            nothing. Unfinished daemon sessions can be continued by any daemon on the store, \
            with their old tokens. A folder holding a daemon's journal (.rehearse-journal-*) is \
            refused until a daemon has replayed it.
            """)

    @Argument(help: ArgumentHelp("The transcripts folder to read.", valueName: "dir"))
    var folder: String
    @OptionGroup var store: StoreOption
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let folder = folder
        // Its transcripts may still lack answers the daemon acknowledged: only the journal has them.
        if let journal = SessionHub.journals(in: folder).first {
            FileHandle.standardError.write(
                Data(
                    ("rehearse: \"\(SafeText.clean(journal))\" is a daemon's journal: a daemon is serving this folder, or one stopped without flushing it "
                        + "(stop it, or start and stop `rehearse serve --transcripts DIR` on the folder once, then import)\n").utf8))
            throw ExitCode.failure
        }
        let (_, outcome) = try await store.withClient(global, for: "import") { client, logger in
            try await TranscriptRows(logger: logger).importFolder(folder, on: client)
        }
        for skipped in outcome.skipped {
            FileHandle.standardError.write(Data("rehearse: warning: skipped \(skipped)\n".utf8))
        }
        print("rehearse store: imported \(outcome.added) session\(outcome.added == 1 ? "" : "s") (\(outcome.present) already there)")
    }
}
