import ArgumentParser
import RehearseCore

/// The option every command that reads past sessions takes.
struct TranscriptOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read transcripts from this folder (default: transcripts.folder).", valueName: "dir"))
    var transcripts: String?

    /// The command's context, with `--transcripts` as the top configuration layer.
    func context(_ global: GlobalOptions) throws -> CommandContext {
        try CommandContext(global, extraFlags: transcripts.map { ["transcripts.folder": ($0, "--transcripts")] } ?? [:])
    }
}
