import Foundation
import Logging
import RehearseCore
import RehearseStore
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
        // The built-in banks come back from a snapshot in the cache folder when there is one:
        // parsing their YAML was most of the time to the first question.
        let loaded =
            if case .builtin = config.scenarioSource {
                CatalogCache(paths: XDGPaths(environment: environment)).builtIn().result
            } else {
                try CatalogLoader.load(config.scenarioSource)
            }
        return try loaded.validCatalog().adding(samples?.book() ?? SampleBook())
    }

    /// Where past sessions are read: `--store`, else `--transcripts` or the configured folder.
    func storeLocation() throws -> StoreLocation {
        // `--transcripts DIR` on the command line beats a store set in a file or the environment.
        let folderByFlag = if case .flag? = config.entry("transcripts.folder")?.source { true } else { false }
        let storeByFlag = if case .flag? = config.entry("store")?.source { true } else { false }
        guard let text = config.store, storeByFlag || !folderByFlag else { return .files(config.transcriptsFolder) }
        return try StoreLocation.parse(text, environment: environment)
    }

    /// The transcripts folder in use (`files:DIR` names it too).
    var library: TranscriptLibrary {
        if case .files(let folder)? = try? storeLocation() { return TranscriptLibrary(folder: folder) }
        return TranscriptLibrary(folder: config.transcriptsFolder)
    }

    /// Where sessions were read from, for reports: a folder or a store address.
    var sessionsPlace: String {
        switch try? storeLocation() {
        case .postgres(let address)?: address.description
        case .files(let folder)?: folder
        case nil: config.transcriptsFolder
        }
    }

    /// What `history` and `stats` read of every past session, newest first: from the folder's
    /// summary index (transcripts changed since are read again), or the PostgreSQL store.
    func summaries() async throws -> [SessionSummary] {
        guard case .files = try storeLocation() else { return try await sessions().map(SessionSummary.init) }
        try library.checkReadable()
        let (summaries, warnings) = TranscriptIndex(library: library).summaries()
        warn(warnings)
        return summaries
    }

    /// Every readable past session, newest first, from the folder or the PostgreSQL store;
    /// problems with single files go to standard error as warnings.
    /// - Throws: when the folder exists but cannot be read, or the store cannot be reached.
    func sessions() async throws -> [SessionLog] {
        guard case .postgres(let address) = try storeLocation() else { return try localSessions() }
        let files = try await PostgresDatabase.with(address, logger: quietLogger) { client in
            try await TranscriptRows(logger: Logger(label: "rehearse")).all(on: client)
        }
        var sessions: [SessionLog] = []
        for file in files {
            do {
                let log = try TranscriptReader.parse(file.contents, path: file.name)
                warn(log.warnings)
                sessions.append(log)
            } catch {
                warn(["\(error)"])
            }
        }
        return sessions
    }

    /// Every readable session in the transcripts folder, newest first.
    func localSessions() throws -> [SessionLog] {
        try library.checkReadable()
        let (sessions, warnings) = library.sessions()
        warn(warnings)
        return sessions
    }

    /// The session `selector` names: latest, a number from `history`, a path (files) or a
    /// transcript's file name or session id (PostgreSQL).
    func session(_ selector: String) async throws -> SessionLog {
        guard case .postgres = try storeLocation() else { return try TranscriptReader.read(library.resolve(selector)) }
        let all = try await sessions()
        guard !all.isEmpty else { throw CoreError.transcript("the store \(sessionsPlace) holds no sessions yet") }
        if selector == "latest" { return all[0] }
        if let number = Int(selector) {
            guard number >= 1, number <= all.count else {
                throw CoreError.transcript("there are \(all.count) sessions in the store (`rehearse history --store URL` lists them)")
            }
            return all[number - 1]
        }
        if let found = all.first(where: { $0.path == selector || $0.start?.sessionID == selector }) { return found }
        throw CoreError.transcript(
            "\"\(selector)\" names no session in the store (use latest, a number from `rehearse history`, a file name or a session id)")
    }

    /// PostgresNIO's own messages stay quiet: failures reach the user as one clear error.
    private var quietLogger: Logger {
        var logger = Logger(label: "rehearse.store")
        logger.logLevel = .critical
        return logger
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
