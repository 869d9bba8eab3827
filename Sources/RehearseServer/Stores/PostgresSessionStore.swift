import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import RehearseAPI
import RehearseCore
import RehearseStore

/// Sessions in PostgreSQL, so any daemon serves any session: a session row and its transcript
/// lines, appended by one conditional statement per request. A daemon keeps the sessions it
/// served warm in memory; when another daemon (or request) wrote first, the write finds the
/// session moved on, and the session is read again and the input handled on what is stored.
public final class PostgresSessionStore: SessionStore {
    let settings: HubSettings
    private let factory: SessionFactory
    let clock: any SessionClock
    let logger: Logger
    private let client: PostgresClient
    let rows: SessionRows
    let access: StoreAccess
    let cache: SessionCache
    /// How often a request is tried again on a freshly read session before it gives up.
    static let attempts = 5

    /// A store over `client`, which must be running (a service of the daemon) and migrated;
    /// its sessions run on `loops`.
    public init(
        client: PostgresClient, settings: HubSettings, logger: Logger, clock: any SessionClock = SystemClock(),
        loops: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.settings = settings
        factory = SessionFactory(settings: settings, clock: clock, loops: loops)
        self.clock = clock
        self.logger = logger
        self.client = client
        rows = SessionRows(logger: logger)
        access = StoreAccess(db: client, rows: rows, timeout: settings.storeTimeout, retryAfter: Self.retryAfter(settings.storeTimeout))
        cache = SessionCache(limit: settings.maxSessions)
    }

    static func retryAfter(_ timeout: Double) -> Int { max(1, min(30, Int(timeout.rounded(.up)))) }

    public func start(_ request: CreateSessionRequest) async throws(ServerError) -> SessionCreated {
        let resolved = try factory.resolve(request)
        let (id, token) = (settings.identities.makeID(), settings.identities.makeToken())
        let tokenHash = SessionToken.hash(token)
        let now = clock.now()
        let row = NewSessionRow(
            id: id, tokenHash: tokenHash, scenario: resolved.scenario.id,
            fileName: TranscriptFile.fileName(scenario: resolved.scenario.id, startedAt: now, tag: String(id.prefix(8))), finished: false,
            endReason: nil, startedAt: now, lastActivity: now, candidate: resolved.options.candidate)
        let session = factory.make(
            id: id, tokenHash: tokenHash, resolved: resolved, journal: PostgresJournal(row: row, tokenHash: tokenHash, access: access))
        let messages = try await session.start()
        cache.put(session, at: now)
        return SessionCreated(id: id, token: token, messages: messages, session: await session.state())
    }

    public func respond(to text: String, inputID: String?, session id: String, token: String?) async throws(ServerError) -> EncodedReply {
        try await retrying(id, token) { session throws(ServerError) in
            let (messages, state, json) = try await session.input(text, id: inputID)
            return EncodedReply(reply: SessionReply(messages: messages, session: state), json: json)
        }
    }

    public func end(session id: String, token: String?) async throws(ServerError) -> SessionReply {
        try await retrying(id, token) { session throws(ServerError) in
            let (messages, state) = try await session.end(reason: .deleted)
            return SessionReply(messages: messages, session: state)
        }
    }

    /// Where the session stands, as stored: a warm copy is used only if no other daemon has
    /// written to the session since.
    public func state(session id: String, token: String?) async throws(ServerError) -> WireSessionState {
        if let cached = try cached(id, token: token) {
            let head = try await access.run { [rows] db in try await rows.head(id, on: db) }
            if let head, head.lastSeq == (await cached.journalMark) { return await cached.state() }
            cache.drop(id, ifStill: cached)
        }
        return try await load(id, token: token).state()
    }

    public func transcript(session id: String, token: String?) async throws(ServerError) -> Data {
        // The token first, from the row alone: a caller without it cannot make us read every line.
        let head = try await access.run { [rows] db in try await rows.head(id, on: db) }
        guard let hash = head?.tokenHash, let token, SessionToken.matches(token, hash: hash) else { throw .sessionNotFound }
        let stored = try await access.run { [rows] db in try await rows.load(id, on: db) }
        guard let stored else { throw .sessionNotFound }
        return TranscriptRows.contents(stored.lines)
    }

    public func health() async -> StoreHealth {
        let quick = StoreAccess(db: client, rows: rows, timeout: min(2, settings.storeTimeout), retryAfter: 1)
        do {
            let live = try await quick.run { [rows] db in try await rows.liveCount(on: db) }
            return StoreHealth(kind: "postgres", reachable: true, liveSessions: live)
        } catch {
            return StoreHealth(kind: "postgres", reachable: false, liveSessions: cache.count)
        }
    }

    /// Ends idle sessions of every daemon: the rows are locked with SKIP LOCKED, so when
    /// several daemons sweep at once each session is ended by one of them.
    public func reapIdle(logger: Logger) async -> Int {
        let now = clock.now()
        let cutoff = now.addingTimeInterval(-settings.idleTimeout)
        cache.drop(unusedSince: cutoff)
        do {
            return try await Deadline.run(seconds: max(10, settings.storeTimeout * 4)) { [self] in try await sweep(before: cutoff) }
        } catch {
            logger.warning("could not end idle sessions", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            return 0
        }
    }

    /// Nothing waits to be written: every request committed before it was answered.
    public func closeAll() async {}

    /// Ends idle sessions one short transaction each: a session that cannot be ended (or
    /// rebuilt) rolls back only itself, and no row stays locked while others are rebuilt.
    private func sweep(before cutoff: Date) async throws -> Int {
        var ended = 0
        for id in try await rows.idle(before: cutoff, limit: 100, on: client) {
            defer { cache.drop(id) }
            do {
                if try await endIfIdle(id, before: cutoff) { ended += 1 }
            } catch {
                logger.warning("could not end an idle session", metadata: ["session": "\(id)", "reason": "\(DatabaseFailure.describe(error))"])
            }
        }
        return ended
    }

    /// What the sweep did with one session.
    private enum SweepOutcome: Sendable {
        case skipped, ended
        case unrecoverable(StoredSession, String)
    }

    /// Locks session `id` if it is still idle and no other daemon holds it, and ends it.
    private func endIfIdle(_ id: String, before cutoff: Date) async throws -> Bool {
        let outcome: SweepOutcome = try await client.withTransaction(logger: logger) { connection in
            guard try await rows.lockIfIdle(id, before: cutoff, on: connection),
                let stored = try await rows.load(id, on: connection), let hash = stored.tokenHash
            else { return .skipped }
            let access = StoreAccess(db: connection, rows: rows, timeout: nil, retryAfter: 1)
            do {
                _ = try await rebuild(stored, tokenHash: hash, access: access).finish(reason: .idleTimeout)
                return .ended
            } catch ServerError.storage(let reason) {
                return .unrecoverable(stored, reason)  // closed below, in a transaction of its own
            }
        }
        guard case .unrecoverable(let stored, let reason) = outcome else {
            if case .ended = outcome { return true }
            return false
        }
        try await client.withTransaction(logger: logger) { connection in
            try await close(stored, reason: "not recoverable: \(reason)", on: connection)
        }
        logger.warning("ended a session that could not be rebuilt", metadata: ["session": "\(id)", "reason": "\(reason)"])
        return true
    }

    /// Ends a session that cannot be rebuilt, so it is not tried again and `history` says why.
    private func close(_ stored: StoredSession, reason: String, on connection: PostgresConnection) async throws {
        var line = TranscriptRecord(.sessionEnd, at: clock.now())
        line.reason = reason
        let write = SessionWrite(
            sessionID: stored.id, expectedSeq: stored.lastSeq, lines: [String(decoding: try TranscriptFile.encode(line), as: UTF8.self)],
            inputID: nil, reply: nil, finished: true, endReason: reason, lastActivity: clock.now())
        _ = try await rows.apply(write, on: connection)
    }

    /// Runs `body` on the session, reading it again when it turns out another request wrote
    /// first; a session left in doubt by a failed write is dropped from memory.
    private func retrying<T>(_ id: String, _ token: String?, _ body: (LiveSession) async throws(ServerError) -> T) async throws(ServerError) -> T {
        var attempt = 1
        // Tries stop when the store timeout is spent, so a slow database is a 503, not a wait
        // of several timeouts.
        let started = ContinuousClock.now
        let budget = Duration.milliseconds(Int(settings.storeTimeout * 1000))
        while true {
            let session: LiveSession
            if let warm = try cached(id, token: token) { session = warm } else { session = try await load(id, token: token) }
            do {
                return try await body(session)
            } catch .stale where attempt < Self.attempts && ContinuousClock.now - started < budget {
                cache.drop(id, ifStill: session)
                attempt += 1
            } catch {
                switch error {
                case .stale, .unavailable, .storage: cache.drop(id, ifStill: session)
                default: break
                }
                throw error
            }
        }
    }

    /// The warm copy of session `id`, if this daemon has one and `token` is its token.
    private func cached(_ id: String, token: String?) throws(ServerError) -> LiveSession? {
        guard let session = cache.get(id, at: clock.now()) else { return nil }
        guard let token, session.token.accepts(token) else { throw .sessionNotFound }
        return session
    }

    /// Session `id` read from the store and rebuilt, if `token` is its token.
    private func load(_ id: String, token: String?) async throws(ServerError) -> LiveSession {
        guard let token else { throw .sessionNotFound }
        let stored = try await access.run { [rows] db in try await rows.load(id, on: db) }
        guard let stored, let hash = stored.tokenHash, SessionToken.matches(token, hash: hash) else { throw .sessionNotFound }
        let session = try await rebuild(stored, tokenHash: hash, access: access)
        cache.put(session, at: clock.now())
        return session
    }

    private func rebuild(_ stored: StoredSession, tokenHash: String, access: StoreAccess) async throws(ServerError) -> LiveSession {
        let decoder = JSONDecoder()
        var records: [TranscriptRecord] = []
        for (number, line) in stored.lines.enumerated() {
            guard let record = try? decoder.decode(TranscriptRecord.self, from: Data(line.utf8)) else {
                throw .storage("session \(stored.id): stored line \(number + 1) is not a transcript line")
            }
            records.append(record)
        }
        let journal = PostgresJournal(stored: stored, records: records, tokenHash: tokenHash, access: access)
        let end = records.last { $0.type == .sessionEnd }
        switch await factory.rebuild(
            records: records, id: stored.id, tokenHash: tokenHash, journal: journal, endedWith: end.map { $0.reason ?? "completed" })
        {
        case .success(let session): return session
        case .failure(let failure): throw .storage("session \(stored.id) cannot be continued: \(failure)")
        }
    }
}
