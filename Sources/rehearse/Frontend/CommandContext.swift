import Foundation
import RehearseCore
import RehearseTerminal

/// What a command needs once its arguments are parsed: configuration, styling, scenarios.
struct CommandContext {
    let config: RehearseConfig
    let style: TerminalStyle
    let environment: [String: String]

    init(_ options: GlobalOptions, extraFlags: [String: (value: String, flag: String)] = [:]) throws {
        let environment = ProcessInfo.processInfo.environment
        let flags = options.configFlags.merging(extraFlags) { _, new in new }
        config = try ConfigLoader(environment: environment, userFilePath: options.config, flags: flags).load()
        style = TerminalStyle(mode: config.color, isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        self.environment = environment
    }

    /// The scenario set with `samples` added to its questions, failing with every error if
    /// any file is broken.
    func catalog(samples: SamplesOption? = nil) throws -> Catalog {
        try CatalogLoader.load(config.scenarioSource).validCatalog().adding(samples?.book() ?? SampleBook())
    }

    /// The transcripts folder in use.
    var library: TranscriptLibrary { TranscriptLibrary(folder: config.transcriptsFolder) }

    /// Every readable past session, newest first; problems with single files go to standard
    /// error as warnings.
    /// - Throws: when the transcripts folder exists but cannot be read.
    func sessions() throws -> [SessionLog] {
        try library.checkReadable()
        let (sessions, warnings) = library.sessions()
        warn(warnings)
        return sessions
    }

    /// A daemon's auth token: the flag, else `$REHEARSE_AUTH_TOKEN` (never a config file key,
    /// so `rehearse config` cannot show it).
    func authToken(flag: String?) -> String? {
        flag ?? environment["REHEARSE_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The width to fit tables to, when writing to a terminal.
    var width: Int? { TerminalSize.columns() }

    /// Asks the width to wrap an interview's prose to, afresh at each message: the terminal's,
    /// or `$COLUMNS` when output is piped.
    var proseWidth: () -> Int? {
        let environment = environment
        return { TerminalSize.proseColumns(environment: environment) }
    }

    /// Prints a note about something asked for that was changed, on standard error.
    func notice(_ text: String) {
        FileHandle.standardError.write(Data("rehearse: note: \(SafeText.clean(text))\n".utf8))
    }

    /// Prints warnings (unreadable transcript lines, ...) on standard error.
    func warn(_ warnings: [String]) {
        for warning in warnings { FileHandle.standardError.write(Data("rehearse: warning: \(warning)\n".utf8)) }
    }

    /// Prints `report` as its `--json` form.
    func printJSON(_ report: some JSONReport) throws {
        print(try report.jsonText())
    }
}
