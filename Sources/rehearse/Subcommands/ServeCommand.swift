import ArgumentParser
import Foundation
import Logging
import RehearseCore
import RehearseServer
import RehearseStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the interview daemon: many sessions over HTTP, a chat page at /.",
        discussion: """
            Holds interview sessions for browsers (open the URL it prints) and for \
            `rehearse practice --server URL`. The API is described in docs/api.yaml. Every answer \
            is durable before the reply goes out (one fdatasync of the daemon's journal covers every \
            reply in flight); transcripts use the same \
            folder and format as local sessions. Unfinished sessions are continued after a restart. \
            SIGTERM or Ctrl-C finishes the requests in flight and flushes every transcript.

            With --store postgres://… sessions live in PostgreSQL instead, and several daemons \
            on one database serve any session: put them behind any load balancer. A reply goes \
            out only after COMMIT; while the database is unreachable requests get 503 with \
            Retry-After, and GET /healthz says so.

            It listens on loopback only unless an auth token is set; see docs/deploy.md to run it \
            as a service behind a TLS proxy.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on; other than loopback needs --auth-token.", valueName: "address"))
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 7878
    @Option(help: ArgumentHelp("Write transcripts to this folder (default: transcripts.folder).", valueName: "dir"))
    var transcripts: String?
    @Option(
        help: ArgumentHelp("Keep sessions here: files:DIR (the default, as --transcripts) or postgres://… (also $REHEARSE_STORE).", valueName: "url"))
    var store: String?
    @Option(help: ArgumentHelp("With PostgreSQL: how long a request waits for the database before a 503, e.g. 5s.", valueName: "duration"))
    var storeTimeout = "5s"
    @Option(help: ArgumentHelp("With PostgreSQL: connections this daemon opens at most.", valueName: "n"))
    var storePool = 16
    @Option(help: ArgumentHelp("Most unfinished sessions held at once; more get 503 (PostgreSQL: sessions kept warm in memory).", valueName: "n"))
    var maxSessions = 1000
    @Option(help: ArgumentHelp("Most open connections; more are closed (default: from the open-file limit).", valueName: "n"))
    var maxConnections: Int?
    @Option(help: ArgumentHelp("End a session after this long without input, e.g. 30m, 90s.", valueName: "duration"))
    var idleTimeout = "30m"
    @Option(
        help: ArgumentHelp(
            "Files store: a journal flush shared by several requests holds the next back this long after it began, so more share it, e.g. 2ms, 500us; 0 flushes at once.",
            valueName: "duration"))
    var commitDelay = "2ms"
    @Option(help: ArgumentHelp("Token that starting a session needs (also $REHEARSE_AUTH_TOKEN); at least 16 characters.", valueName: "token"))
    var authToken: String?
    @Option(
        help: ArgumentHelp(
            "Token that turns on the reviewers' page (/review) and routes (also $REHEARSE_REVIEW_TOKEN); at least 16 characters.",
            valueName: "token"))
    var reviewToken: String?
    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error or critical. Answers are never logged.", valueName: "level"))
    var logLevel = "info"
    @OptionGroup var samples: SamplesOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port (use 1–65535, or 0 for any free one)") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1, got \(maxConnections)") }
        if transcripts != nil, store != nil { throw ValidationError("give --transcripts DIR or --store URL, not both") }
        guard let timeout = TimeLimit.seconds(from: storeTimeout), timeout >= 1 else {
            throw ValidationError("--store-timeout \"\(storeTimeout)\" is not a duration of a second or more (write 5s or 1m)")
        }
        guard (1...500).contains(storePool) else { throw ValidationError("--store-pool must be 1–500, got \(storePool)") }
        guard maxSessions >= 1 else { throw ValidationError("--max-sessions must be at least 1, got \(maxSessions)") }
        guard TimeLimit.seconds(from: idleTimeout) != nil else {
            throw ValidationError("--idle-timeout \"\(idleTimeout)\" is not a duration (write 30m, 90s or 1m30s)")
        }
        guard TimeLimit.microseconds(from: commitDelay) != nil else {
            throw ValidationError("--commit-delay \"\(commitDelay)\" is not a short duration (write 2ms, 500us, or 0 to flush at once; at most 1s)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \"\(logLevel)\" is not a level (use trace, debug, info, notice, warning, error or critical)")
        }
    }

    func run() async throws {
        let context = try CommandContext(global, extraFlags: TranscriptOptions.flags(transcripts: transcripts, store: store))
        let location = try context.storeLocation()
        let config = context.config
        let catalog = try context.catalog(samples: samples)
        let defaults = config.sessionDefaults
        _ = try SessionPlan().scenario(in: catalog, defaults: defaults)
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let folder: String
        if case .files(let given) = location { folder = given } else { folder = config.transcriptsFolder }
        var settings = HubSettings(
            catalog: catalog, transcriptsFolder: folder, maxSessions: maxSessions,
            idleTimeout: Double(TimeLimit.seconds(from: idleTimeout) ?? 1800), defaults: defaults,
            scorerSettings: config.scorerSettings)
        settings.storeTimeout = Double(TimeLimit.seconds(from: storeTimeout) ?? 5)
        settings.commitDelay = Double(TimeLimit.microseconds(from: commitDelay) ?? 2_000) / 1e6
        if config.learnFromReviews { settings.learned = LearnedSamples() }
        if case .postgres = location { settings.learningDelay = Daemon.sharedStoreLearningDelay }
        let token = context.authToken(flag: authToken)
        var daemon = Daemon(
            host: host, port: port, authToken: token, settings: settings, logger: Logger(label: "rehearse"),
            connections: maxConnections.map { ConnectionLimits(maxConnections: $0) }, store: location, poolSize: storePool)
        daemon.reviewToken = reviewToken ?? context.environment["REHEARSE_REVIEW_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let place = if case .postgres(let address) = location { "sessions in \(address)" } else { "transcripts in \(folder)" }
        let count = catalog.scenarios.count
        let reviewing = daemon.reviewToken != nil
        try await daemon.run { url in
            let text = """
                rehearse serve: listening on \(url) (\(count) scenarios; \(place))
                Open \(url)/ in a browser, or run: rehearse practice --server \(url)\(reviewLine(url, on: reviewing))

                """
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func reviewLine(_ url: String, on: Bool) -> String {
        on ? "\nReviewers: open \(url)/review and give the review token." : ""
    }
}
