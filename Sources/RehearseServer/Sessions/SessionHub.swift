import Foundation
import Logging
import NIOCore
import NIOPosix
import RehearseAPI
import RehearseCore
import RehearseScoring

/// Every session the daemon holds: creates them, finds them by id and token, ends idle ones,
/// and brings unfinished ones back after a restart.
public actor SessionHub {
    nonisolated let settings: HubSettings
    private nonisolated let factory: SessionFactory
    nonisolated let clock: any SessionClock
    nonisolated let sessions: SessionDirectory
    /// Where every session's lines become durable together.
    nonisolated let journal: GroupJournal
    /// Reviews appended to the transcripts of ended sessions, one at a time.
    var finishedReviews = TurnGate()

    /// Creates a hub whose sessions run on `loops` (the server's, so its connections answer
    /// them without a hop); `clock` is injected so tests can move time.
    public init(settings: HubSettings, clock: any SessionClock = SystemClock(), loops: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        sessions = SessionDirectory(keptEnded: settings.keptEndedSessions ?? settings.maxSessions)
        journal = GroupJournal(folder: settings.transcriptsFolder, commitDelay: settings.commitDelay)
        factory = SessionFactory(settings: settings, clock: clock, loops: loops)
        self.clock = clock
    }

    /// Unfinished sessions.
    public nonisolated var liveCount: Int { sessions.liveCount }

    /// Starts a session: returns it and its token (shown once, never stored). Only the place
    /// is taken on the actor; the rest runs beside other requests, so a burst of new sessions
    /// does not hold up the answers of running ones.
    nonisolated func create(
        _ request: CreateSessionRequest, on loop: (any EventLoop)? = nil
    ) throws(ServerError) -> (session: LiveSession, token: String) {
        let id = settings.identities.makeID()
        guard sessions.reserve(id, limit: settings.maxSessions) else {
            throw .full(limit: settings.maxSessions, retryAfter: (settings.idleTimeout / 10).clampedInt(in: 1...60))
        }
        do {
            let (session, token) = try make(request, id: id, loop: loop)
            sessions[id] = session
            return (session, token)
        } catch {
            sessions.discard(id)
            throw error
        }
    }

    private nonisolated func make(
        _ request: CreateSessionRequest, id: String, loop: (any EventLoop)?
    ) throws(ServerError) -> (session: LiveSession, token: String) {
        let resolved = try factory.resolve(request)
        let token = settings.identities.makeToken()
        let tokenHash = SessionToken.hash(token)
        let file: TranscriptFile
        do {
            file = try TranscriptFile(
                folder: settings.transcriptsFolder, scenario: resolved.scenario.id, startedAt: clock.now(), tag: String(id.prefix(8)),
                syncsFolder: false)
        } catch {
            throw .storage("\(error)")
        }
        let journal = DaemonTranscript(file: file, journal: journal, sessionID: id, tokenHash: tokenHash)
        return (factory.make(id: id, tokenHash: tokenHash, resolved: resolved, journal: journal, loop: loop), token)
    }

    /// The session `id`, if `token` is its token; otherwise the same error as for no session.
    nonisolated func session(id: String, token: String?) throws(ServerError) -> LiveSession {
        guard let session = sessions[id], let token, session.token.accepts(token) else {
            throw .sessionNotFound
        }
        return session
    }

    /// Where session `id` is, once `token` is seen to be its token.
    private enum Authorized {
        case warm(LiveSession)
        /// Ended and out of memory: its transcript, and the token hash its first line holds.
        case cold(path: String, tokenHash: String)
    }

    /// Session `id`, in memory or not, if `token` is its token; otherwise the same error as
    /// for no session. For a session out of memory only its transcript's first line is read,
    /// so the token is checked before anything costly is done for whoever asks; one whose
    /// line is gone or names another session is forgotten.
    private nonisolated func authorized(id: String, token: String?) throws(ServerError) -> Authorized {
        guard let token else { throw .sessionNotFound }
        switch sessions.place(of: id) {
        case .warm(let session):
            guard session.token.accepts(token) else { throw .sessionNotFound }
            return .warm(session)
        case .cold(let path):
            guard let start = SessionRecovery.start(at: path), start.sessionID == id, let hash = start.tokenHash else {
                sessions.forgetCold(id)
                throw .sessionNotFound
            }
            guard SessionToken.matches(token, hash: hash) else { throw .sessionNotFound }
            return .cold(path: path, tokenHash: hash)
        case .absent:
            throw .sessionNotFound
        }
    }

    /// The session `id`, if `token` is its token, read back from its transcript if it ended
    /// and left memory (see ``SessionDirectory``); otherwise the same error as for no session.
    nonisolated func loadedSession(id: String, token: String?) async throws(ServerError) -> LiveSession {
        switch try authorized(id: id, token: token) {
        case .warm(let session):
            return session
        case .cold(let path, let tokenHash):
            guard let session = await readBack(id: id, path: path, tokenHash: tokenHash) else { throw .sessionNotFound }
            return session
        }
    }

    /// The transcript of session `id`, if `token` is its token, without reading an ended
    /// session back into memory.
    nonisolated func transcriptPath(id: String, token: String?) throws(ServerError) -> String {
        switch try authorized(id: id, token: token) {
        case .warm(let session): session.path
        case .cold(let path, _): path
        }
    }

    /// Rebuilds ended session `id` from its transcript at `path` (whose first line held
    /// `tokenHash`) and keeps it in memory again; nil, and forgotten, if it cannot be (the file
    /// was removed or changed, or its scenario is gone: it would fail the same way next time).
    private nonisolated func readBack(id: String, path: String, tokenHash: String) async -> LiveSession? {
        guard case .daemon(let records) = SessionRecovery.contents(at: path), records.first?.sessionID == id,
            records.first?.tokenHash == tokenHash, let end = records.last(where: { $0.type == .sessionEnd })
        else {
            sessions.forgetCold(id)
            return nil
        }
        if case .warm(let present) = sessions.place(of: id) { return present }
        guard
            case .success(let session) = await resume(
                path: path, records: records, id: id, tokenHash: tokenHash, endedWith: end.reason ?? "completed")
        else {
            sessions.forgetCold(id)
            return nil
        }
        return sessions.warmAgain(session)
    }

    /// Forgets a session that could not be started.
    nonisolated func discard(_ id: String) { sessions.discard(id) }

    /// Notes that a session ended, so it no longer counts as live.
    nonisolated func ended(_ id: String) { sessions.ended(id, at: clock.now()) }

    /// Ends sessions idle for longer than the timeout and forgets finished ones after as long;
    /// returns how many were ended.
    public func reapIdle(logger: Logger) async -> Int {
        let now = clock.now()
        var ended = 0
        for id in sessions.liveIDs {
            guard let session = sessions[id] else { continue }
            guard now.timeIntervalSince(await session.lastActivity) >= settings.idleTimeout else { continue }
            do {
                // Checked again in the session's turn: an input may have come in meanwhile.
                guard try await session.finishIfIdle(since: now.addingTimeInterval(-settings.idleTimeout)) else { continue }
                ended += 1
                self.ended(id)
            } catch {
                // Still open and still counted: the next round tries again.
                logger.error("could not end idle session", metadata: ["session": "\(id)", "error": "\(error)"])
            }
        }
        sessions.forget(endedBefore: now.addingTimeInterval(-settings.idleTimeout))
        return ended
    }

    /// Flushes every transcript and retires the journal; unfinished sessions stay resumable
    /// by the next daemon.
    public func closeAll() async {
        for session in sessions.all { await session.close() }
        await journal.checkpoint()
    }

    /// Puts back from the journal an earlier daemon left whatever a crash took from the
    /// transcripts; before anything reads them. Runs once: ``recover(logger:)`` calls it too.
    public nonisolated func replayJournal(logger: Logger) throws(ServerError) {
        guard let outcome = try journal.replayLeftovers(), outcome.journals > 0 else { return }
        logger.info(
            "replayed the journal",
            metadata: [
                "journals": "\(outcome.journals)", "transcripts": "\(outcome.transcripts)", "repaired": "\(outcome.repaired)",
                "torn_bytes": "\(outcome.tornBytes)", "cut_bytes": "\(outcome.cutBytes)",
            ])
        for skipped in outcome.skipped {
            logger.warning("left a transcript as it is while replaying the journal", metadata: ["reason": "\(skipped)"])
        }
    }

    /// Warns when others may write to the transcripts folder: whoever can add files there can
    /// plant links and FIFOs for the daemon to trip over.
    static func checkPermissions(of folder: String, logger: Logger) {
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & 0o022 != 0 else { return }
        logger.warning(
            "the transcripts folder is writable by others; make it private with chmod 700",
            metadata: ["folder": "\(folder)", "mode": "\(String(info.st_mode & 0o777, radix: 8))"])
    }

    /// The journal files in `folder`: a daemon serves it, or one stopped without flushing it
    /// (replayed by the next `rehearse serve` on the folder). Until then its transcripts may
    /// lack acknowledged lines.
    public static func journals(in folder: String) -> [String] {
        JournalReplay.generations(in: folder).map(\.path)
    }

    /// Brings back every unfinished daemon session in the transcripts folder, and those that
    /// ended within the idle timeout (so a reply lost in a crash can still be looked up: a
    /// resent answer then gets "the session has ended", not "no such session").
    public func recover(logger: Logger) async throws(ServerError) -> (recovered: Int, ended: Int) {
        try replayJournal(logger: logger)
        var recovered = 0
        var ended = 0
        let cutoff = clock.now().addingTimeInterval(-settings.idleTimeout)
        Self.checkPermissions(of: settings.transcriptsFolder, logger: logger)
        // Ended ones are not read back now: they are remembered by path, in the order they
        // ended, and read back if someone asks (see ``loadedSession(id:token:)``).
        var endedOnes: [(id: String, path: String, at: Date)] = []
        var seen = Set<String>()
        for path in TranscriptLibrary(folder: settings.transcriptsFolder).paths() {
            let records: [TranscriptRecord]
            switch SessionRecovery.contents(at: path) {
            case .daemon(let found): records = found
            case .other: continue
            case .refused(let reason):
                logger.warning("skipped a file in the transcripts folder", metadata: ["file": "\(path)", "reason": "\(reason)"])
                continue
            }
            guard let start = records.first, let id = start.sessionID, let tokenHash = start.tokenHash, seen.insert(id).inserted,
                case .absent = sessions.place(of: id)
            else { continue }
            if let end = records.last(where: { $0.type == .sessionEnd }) {
                guard let at = TranscriptTime.parse(end.time), at >= cutoff else { continue }
                endedOnes.append((id, path, at))
                continue
            }
            switch await resume(path: path, records: records, id: id, tokenHash: tokenHash, endedWith: nil) {
            case .success(let session):
                sessions.restore(session)
                recovered += 1
            case .failure(let reason):
                SessionRecovery.end(path: path, reason: "not recoverable: \(reason)", at: clock.now())
                logger.warning("ended a session that could not be recovered", metadata: ["session": "\(id)", "reason": "\(reason)"])
                ended += 1
            }
        }
        for one in endedOnes.sorted(by: { $0.at < $1.at }) { sessions.restoreEnded(one.id, path: one.path, at: one.at) }
        return (recovered, ended)
    }

    private nonisolated func resume(
        path: String, records: [TranscriptRecord], id: String, tokenHash: String, endedWith reason: String?
    ) async -> Result<LiveSession, SessionRecovery.Failure> {
        let file: TranscriptFile
        do { file = try TranscriptFile(appendingTo: path) } catch { return .failure(SessionRecovery.Failure("\(error)")) }
        let journal = DaemonTranscript(file: file, journal: journal, sessionID: id, tokenHash: tokenHash, existing: records)
        return await factory.rebuild(records: records, id: id, tokenHash: tokenHash, journal: journal, endedWith: reason)
    }
}
