import ArgumentParser
import RehearseCore

/// The options every command that reads past sessions takes.
struct TranscriptOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read transcripts from this folder (default: transcripts.folder).", valueName: "dir"))
    var transcripts: String?
    @Option(help: ArgumentHelp("Read sessions from this store: files:DIR or postgres://… (also $REHEARSE_STORE).", valueName: "url"))
    var store: String?

    func validate() throws {
        if transcripts != nil, store != nil { throw ValidationError("give --transcripts DIR or --store URL, not both") }
    }

    /// The command's context, with `--transcripts` and `--store` as the top configuration layer.
    func context(_ global: GlobalOptions) throws -> CommandContext {
        try CommandContext(global, extraFlags: Self.flags(transcripts: transcripts, store: store))
    }

    /// `--transcripts` and `--store` as configuration layered on top (`serve` has its own help
    /// for the same two flags).
    static func flags(transcripts: String?, store: String?) -> [String: (value: String, flag: String)] {
        var flags: [String: (value: String, flag: String)] = [:]
        if let transcripts { flags["transcripts.folder"] = (transcripts, "--transcripts") }
        if let store { flags["store"] = (store, "--store") }
        return flags
    }
}
