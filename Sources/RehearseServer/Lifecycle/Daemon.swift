import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import RehearseStore
import ServiceLifecycle

/// `rehearse serve`: recovers unfinished sessions, listens, and on SIGTERM or SIGINT stops
/// taking requests, finishes those in flight and flushes every transcript.
public struct Daemon: Sendable {
    /// Address to listen on.
    public var host: String
    /// Port to listen on; 0 picks a free one.
    public var port: Int
    /// Guards session creation; required to listen beyond loopback.
    public var authToken: String?
    /// What sessions share.
    public var settings: HubSettings
    /// Where the daemon logs.
    public var logger: Logger
    /// Timeouts and the cap on open connections; `nil` picks them from the file limit.
    public var connections: ConnectionLimits?
    /// Where sessions live: `settings.transcriptsFolder` (files) or a PostgreSQL database.
    public var store: StoreLocation?
    /// Connections to PostgreSQL this daemon may open.
    public var poolSize: Int
    /// Turns the reviewers' page and routes on; at least 16 characters.
    public var reviewToken: String?
    /// Whether sessions are started, answered and ended on the connection's event loop
    /// (``HotRoutes``) when they live in files; off, every request goes through the router.
    /// Tests compare the two.
    var answersOnEventLoop = true
    /// Counts the requests answered that way.
    let hotRoutes = HotRouteCounter()
    /// How long before a session's start a review must be given for the session to learn
    /// from it, on a shared store: daemons hear of each other's reviews every
    /// ``ReviewLearner/interval``, well within it.
    public static let sharedStoreLearningDelay: Double = 10

    /// Creates a daemon; with no `store`, sessions live in `settings.transcriptsFolder`.
    public init(
        host: String, port: Int, authToken: String?, settings: HubSettings, logger: Logger, connections: ConnectionLimits? = nil,
        store: StoreLocation? = nil, poolSize: Int = 16
    ) {
        self.host = host
        self.port = port
        self.authToken = authToken
        self.settings = settings
        self.logger = logger
        self.connections = connections
        self.store = store
        self.poolSize = poolSize
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Runs until a shutdown signal; `onListening` gets the URL once the port is open.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        guard Self.isLoopback(host) || authToken != nil else {
            throw ServerError.startup(
                "refusing to listen on \"\(host)\" without an auth token: anyone who can reach it could start sessions (set --auth-token or REHEARSE_AUTH_TOKEN, or use --host 127.0.0.1)"
            )
        }
        if let authToken, authToken.count < 16 {
            throw ServerError.startup("the auth token is \(authToken.count) characters; use at least 16 (e.g. `openssl rand -hex 16`)")
        }
        if let reviewToken {
            guard reviewToken.count >= 16 else {
                throw ServerError.startup(
                    "the review token is \(reviewToken.count) characters; use at least 16 (e.g. `openssl rand -hex 16`)")
            }
            // One token for both would let anyone allowed to start a session read every session.
            guard reviewToken != authToken else {
                throw ServerError.startup("the review token and the auth token are the same; give reviewers a token of their own")
            }
        }
        if case .postgres(let address) = store { return try await runOnPostgres(address, onListening: onListening) }
        // Two daemons on one folder would each take the other's live sessions for crashed ones.
        let lock = try FolderLock.take(settings.transcriptsFolder)
        defer { lock.release() }
        // Sessions run on the server's event loops (see HotRoutes), so the group is made first.
        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: Self.eventLoopCount)
        defer { eventLoops.shutdownGracefully { _ in } }
        let hub = SessionHub(settings: settings, loops: eventLoops)
        // Before anything reads the transcripts: a crash may have taken lines the journal kept.
        try hub.replayJournal(logger: logger)
        // Before recovery: a recovered session scores again with what it learned from.
        await ReviewLearner(store: hub, learned: settings.learned, interval: nil, logger: logger).catchUp()
        let (recovered, ended) = try await hub.recover(logger: logger)
        if recovered + ended > 0 {
            logger.info("recovered unfinished sessions", metadata: ["recovered": "\(recovered)", "ended": "\(ended)"])
        }
        try await serve(hub, on: eventLoops, onListening: onListening)
    }

    /// Serves sessions kept in PostgreSQL: the pool runs as a service beside the server, and
    /// the schema is brought up to date before the port opens.
    private func runOnPostgres(_ address: PostgresAddress, onListening: @escaping @Sendable (String) -> Void) async throws {
        let client = PostgresClient(configuration: address.clientConfiguration(poolSize: poolSize), backgroundLogger: logger)
        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: Self.eventLoopCount)
        defer { eventLoops.shutdownGracefully { _ in } }
        let store = PostgresSessionStore(client: client, settings: settings, logger: logger, loops: eventLoops)
        let (logger, timeout) = (logger, max(10, settings.storeTimeout * 3))
        let migrate: @Sendable () async throws -> Void = {
            do {
                let outcome = try await Deadline.run(seconds: timeout) { try await Migrator.migrate(client, logger: logger) }
                logger.info("store ready", metadata: ["store": "\(address)", "schema": "\(outcome.to)"])
            } catch {
                throw ServerError.startup(
                    "store \(address): \(DatabaseFailure.describe(error)) (check the URL, the PG* variables and that PostgreSQL runs)")
            }
        }
        let learner = ReviewLearner(store: store, learned: settings.learned, interval: ReviewLearner.interval, logger: logger)
        let prepare: @Sendable () async throws -> Void = {
            try await migrate()
            await learner.catchUp()
        }
        try await serve(store, on: eventLoops, services: [client, learner], beforeStart: prepare, onListening: onListening)
    }

    /// The `Server` header of every reply.
    static let serverName = "rehearse"

    /// Event loops for the HTTP server and the sessions: one per core. Sessions run on them
    /// (``HotRoutes``), so they carry the engine's work as well as the sockets'. Measured side
    /// by side in bench/serve_wrk.sh on two cores: one loop per core 214 µs per answer at
    /// 5,300 answers/s, one loop 215 µs at 4,450/s (p99 at 200 connections 390 ms), three or
    /// four loops 255-280 µs. (Before, with the engine on Swift's pool, half the cores was best.)
    static var eventLoopCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    private func serve(
        _ store: any SessionStore, on eventLoops: MultiThreadedEventLoopGroup, services: [any Service] = [],
        beforeStart: (@Sendable () async throws -> Void)? = nil,
        onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        let openFiles = FileLimit.raise()
        let limits =
            connections
            ?? ConnectionLimits(maxConnections: ConnectionLimits.connections(openFiles: openFiles, sessions: settings.maxSessions))
        logger.info("connection limits", metadata: ["max": "\(limits.maxConnections)", "open_files": "\(openFiles)"])
        let count = ConnectionCount(limits: limits, logger: logger)
        let idle = TimeAmount.nanoseconds(Int64(limits.idleTimeout / .nanoseconds(1)))
        let reaper = IdleReaper(hub: store, interval: .milliseconds(Int(max(0.05, min(30, settings.idleTimeout / 4)) * 1000)), logger: logger)
        let host = host
        let router = APIRoutes.router(store: store, settings: settings, authToken: authToken, reviewToken: reviewToken)
        let (hub, authHash, logger) = (answersOnEventLoop ? store as? SessionHub : nil, authToken.map(SessionToken.hash), logger)
        let handlers: @Sendable () -> [any RemovableChannelHandler] = { [hotRoutes] in
            [
                ConnectionSetup(
                    count: count,
                    routes: hub.map { hub in
                        { HotRoutes(hub: hub, authHash: authHash, logger: logger, idleTimeout: idle, deadline: $0, counter: hotRoutes) }
                    })
            ]
        }
        var app = Application(
            router: router,
            // With the hot routes, the idle timeout is theirs: Hummingbird's would not see the
            // requests they answer, and would close a busy connection as idle.
            server: .http1(configuration: .init(additionalChannelHandlers: handlers(), idleTimeout: hub == nil ? idle : nil)),
            configuration: .init(address: .hostname(host, port: port), serverName: Self.serverName),
            services: services + [reaper],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onListening("http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)")
            },
            eventLoopGroupProvider: .shared(eventLoops),
            logger: logger)
        if let beforeStart { app.beforeServerStarts(perform: beforeStart) }
        do {
            try await app.runService()
        } catch let error as IOError {
            await store.closeAll()
            let reason = String(cString: strerror(error.errnoCode)).lowercased()
            throw ServerError.startup("cannot listen on \(host):\(port): \(reason) (choose another --port or --host)")
        } catch {
            // Whatever stopped the server, what recovery and the last requests wrote is flushed.
            await store.closeAll()
            throw error
        }
        await store.closeAll()
        logger.info("stopped; every transcript is flushed")
    }
}
