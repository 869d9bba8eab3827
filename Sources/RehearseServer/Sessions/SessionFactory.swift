import Foundation
import NIOCore
import RehearseAPI
import RehearseCore
import RehearseScoring

/// Makes live sessions, new or rebuilt from their stored lines, the same way for every store.
struct SessionFactory: Sendable {
    let settings: HubSettings
    let corpus: Corpus
    /// Each question analysed once for all sessions.
    let prepared = PreparedCache()
    /// Each scenario's questions, drawn once, in id order: the order a session's picker draws
    /// from, so it need not sort them again (daemon sessions never ask in the bank's order).
    let pools: [String: [Question]]
    let clock: any SessionClock
    /// The event loops sessions run on, each on one (see ``LiveSession``).
    let loops: any EventLoopGroup

    init(settings: HubSettings, clock: any SessionClock, loops: any EventLoopGroup) {
        self.settings = settings
        self.loops = loops
        corpus = settings.catalog.corpus
        pools = Dictionary(settings.catalog.scenarios.map { ($0.id, settings.catalog.pool(for: $0).sorted { $0.id < $1.id }) }) { first, _ in first }
        self.clock = clock
    }

    /// What `request` asks for, checked against the loaded scenarios.
    func resolve(_ request: CreateSessionRequest) throws(ServerError) -> ResolvedSession {
        let plan = SessionPlan(
            scenario: request.scenario, filter: QuestionFilter(topics: request.topic, tags: request.tag, difficulties: request.difficulty),
            count: request.count, seed: request.seed, followUp: request.followUp, timeLimit: request.timeLimit, reveal: request.reveal ?? false,
            candidate: request.candidate)
        do {
            return try plan.resolve(in: settings.catalog, defaults: settings.defaults) { self.pools[$0.id] ?? [] }
        } catch .unknownScenario(let id, let known) {
            throw .badRequest(
                "field \"scenario\": unknown scenario \"\(id)\" \(Suggestion.hint(for: id, among: known)) (GET /v1/scenarios lists them)")
        } catch .noMatchingQuestions(let scenario) {
            throw .badRequest(
                "no question of scenario \"\(scenario)\" matches topic \(request.topic), tag \(request.tag), difficulty \(request.difficulty.map(\.rawValue)) (widen the filters)"
            )
        } catch {
            throw .badRequest("\(error)")
        }
    }

    /// A new session over `resolved`, writing to `journal`, on `loop` (by default the next of
    /// ``loops``): the connection's own, when the session is created on one.
    func make(
        id: String, tokenHash: String, resolved: ResolvedSession, journal: sending any SessionJournal, loop: (any EventLoop)? = nil
    ) -> LiveSession {
        LiveSession(
            id: id, tokenHash: tokenHash, scenario: resolved.scenario, pool: resolved.pool, options: resolved.options,
            scorer: settings.scorerSettings, corpus: corpus, cache: prepared, learned: learned, journal: journal, clock: clock,
            loop: loop ?? loops.next())
    }

    /// The reviewed answers sessions score with: each sees those graded before it started,
    /// less the learning delay.
    var learned: (any SampleSource)? { settings.learned?.delayed(by: settings.learningDelay) }

    /// A session rebuilt from its stored `records` by saying them again; fails when the scenario
    /// is gone or the engine now says something else. `endedWith` is the recorded end reason
    /// of a session that is over.
    func rebuild(
        records: [TranscriptRecord], id: String, tokenHash: String, journal: sending any SessionJournal, endedWith reason: String?
    ) async -> Result<LiveSession, SessionRecovery.Failure> {
        guard let start = records.first else { return .failure(SessionRecovery.Failure("it has no lines")) }
        guard let scenarioID = start.scenario, let scenario = settings.catalog.scenario(id: scenarioID) else {
            return .failure(SessionRecovery.Failure("scenario \"\(start.scenario ?? "?")\" is no longer loaded"))
        }
        guard let options = SessionOptions(recordedIn: start) else {
            return .failure(SessionRecovery.Failure("its session_start line lacks the seed or count"))
        }
        let pool = options.filter.apply(pools[scenario.id] ?? [])
        // Reviews are later lines of someone else's: the candidate's last activity is before them.
        let last = records.filter { $0.type != .review }.compactMap { TranscriptTime.parse($0.time) }.last ?? clock.now()
        let replayClock = ReplayClock(base: clock)
        let startedAt = TranscriptTime.parse(start.time)
        let session = LiveSession(
            id: id, tokenHash: tokenHash, scenario: scenario, pool: pool, options: options, scorer: settings.scorerSettings,
            corpus: corpus, cache: prepared, learned: learned, journal: journal, clock: replayClock, loop: loops.next(),
            startedAt: startedAt, lastActivity: last)
        let end = records.last { $0.type == .sessionEnd }.flatMap { TranscriptTime.parse($0.time) }
        if let divergence = await session.replay(
            ResumeInputs.timed(records), clock: replayClock, startedAt: TranscriptTime.parse(start.time), endedAt: end, endedWith: reason)
        {
            return .failure(SessionRecovery.Failure(divergence))
        }
        // Replay may have completed an input a crash cut short; those lines, and the input's
        // own, must be durable before a resend is told "already recorded".
        do { try await session.flush() } catch { return .failure(SessionRecovery.Failure("its transcript could not be flushed: \(error)")) }
        return .success(session)
    }
}
