import Foundation
import NIOCore
import RehearseAPI
import RehearseCore
import RehearseScoring

/// One interview held by the daemon. An actor, so a person's inputs are handled one at a time
/// while other sessions go on in parallel; every reply is on disk before it is returned.
/// It runs on an event loop (its executor), so ``HotRoutes`` can answer its inputs there
/// without a hop to Swift's pool and back.
actor LiveSession {
    /// The event loop the session runs on.
    nonisolated let loop: any EventLoop
    /// `loop` as an executor, kept here: an unowned executor must outlive the actor.
    private nonisolated let executor: any SerialExecutor
    nonisolated let id: String
    nonisolated var tokenHash: String { token.hash }
    /// Checks the token of each request; remembers the last one that matched.
    nonisolated let token: VerifiedToken
    nonisolated let scenario: String
    nonisolated let startedAt: Date
    /// The transcript's path on the daemon's disk (for the PostgreSQL store, its file name).
    nonisolated let path: String
    /// ``startedAt`` as every reply writes it, formatted once.
    private nonisolated let startedAtText: String
    private let session: InterviewSession
    private let journal: any SessionJournal
    private let clock: any SessionClock
    private let bands: ScorerSettings
    private(set) var lastActivity: Date
    private(set) var endReason: EndReason?
    /// The closing message, kept for `GET /v1/sessions/{id}` once the session is over.
    private var closing: WireMessage?
    /// Every input id seen, so a resend is answered, never recorded twice.
    private var ledger = InputLedger()
    /// The JSON of the reply just committed, when the journal keeps replies: sent as is.
    private var keptJSON: Data?
    /// The reply ``HotRoutes`` is committing, while its lines become durable, and the last
    /// activity to go back to if they do not (ending a session).
    private var hot: HotTurn?
    /// One input at a time, so a failed flush undoes exactly its own input.
    private var gate = TurnGate()
    /// Set when an input could not be undone after a failed write: the engine and the file may
    /// disagree, so nothing more is taken (the session is recovered from its file at restart).
    private var broken = false

    /// A session over `pool`; the engine is made here so that it and its transcript belong to
    /// this actor alone.
    init(
        id: String, tokenHash: String, scenario: Scenario, pool: [Question], options: SessionOptions,
        scorer: ScorerSettings, corpus: Corpus, cache: PreparedCache, learned: (any SampleSource)? = nil, journal: sending any SessionJournal,
        clock: any SessionClock, loop: any EventLoop, startedAt: Date? = nil, lastActivity: Date? = nil
    ) {
        self.loop = loop
        executor = loop.executor
        self.id = id
        token = VerifiedToken(hash: tokenHash)
        self.scenario = scenario.id
        path = journal.location
        self.journal = journal
        bands = scorer
        session = InterviewSession(
            scenario: scenario, pool: pool, options: options, scorer: Scorer(settings: scorer, corpus: corpus, cache: cache),
            clock: clock, transcript: journal, learned: learned)
        self.clock = clock
        self.startedAt = startedAt ?? clock.now()
        startedAtText = TranscriptRecord.timestamp(self.startedAt)
        self.lastActivity = lastActivity ?? clock.now()
    }

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Whether the interview is over.
    var isFinished: Bool { session.isFinished }

    /// Greets and asks the first question.
    func start() async throws(ServerError) -> [WireMessage] {
        try await turn { () async throws(ServerError) in
            let before = session.checkpoint()
            return try await reply(session.start(), undo: before)
        }
    }

    /// Feeds lines already in the transcript back to the engine (recovery); `nil` when the
    /// engine now says something else, with what differs.
    /// `clock`, when given, is pinned to each input's recorded time while it is said again.
    func replay(
        _ inputs: [(input: String, at: Date?)], clock: ReplayClock? = nil, startedAt: Date? = nil, endedAt: Date? = nil,
        endedWith reason: String? = nil
    ) -> String? {
        defer { clock?.release() }
        clock?.pin(startedAt)
        var last = session.start()
        for (input, at) in inputs {
            clock?.pin(at)
            last = session.handle(input)
        }
        if let reason, !session.isFinished {
            clock?.pin(endedAt)
            endReason = EndReason(recorded: reason)
            last = session.finish(reason: reason)
        }
        ledger.remember(journal.recordedInputIDs)
        // An ended session's report, rebuilt as the engine says it again (nothing is written).
        closing = last.last.map(wire).flatMap { $0.type == .closing ? $0 : nil }
        if let divergence = journal.divergence { return divergence }
        return journal.caughtUp ? nil : "the transcript has lines the engine did not say again"
    }

    /// Handles an input and says where the session then stands, in one call (one hop), with the
    /// reply's JSON when the journal kept it. An input id seen before — being handled now,
    /// handled earlier, or recorded before a restart — gets that input's reply and is not
    /// handled again.
    func input(
        _ text: String, id inputID: String? = nil
    ) async throws(ServerError) -> (
        messages: [WireMessage], state: WireSessionState, json: Data?
    ) {
        guard let inputID else { return (try await handle(text), state(), nil) }
        let outcome: InputLedger.Outcome
        switch ledger.begin(inputID) {
        case .answered(let reply):
            outcome = .success(reply)
        case .wait:
            outcome = await withCheckedContinuation { ledger.enqueue(inputID, $0) }
        case .handle:
            do {
                let messages = try await handle(text, inputID: inputID)
                ledger.settle(inputID, .success(messages))
                defer { keptJSON = nil }
                return (messages, state(), keptJSON)
            } catch {
                ledger.settle(inputID, .failure(error))
                throw error
            }
        }
        if let messages = try outcome.get() { return (messages, state(), nil) }
        return (try await storedReply(inputID) ?? resentWithoutReply(), state(), nil)
    }

    /// The reply the store kept for an input this daemon did not handle itself.
    private func storedReply(_ inputID: String) async throws(ServerError) -> [WireMessage]? {
        guard let fetch = journal.storedReply(for: inputID) else { return nil }
        let data: Data?
        do { data = try await fetch() } catch let error as ServerError { throw error } catch { throw .storage("\(error)") }
        return data.flatMap { try? JSONDecoder().decode([WireMessage].self, from: $0) }
    }

    /// The reply to an input recorded earlier whose own reply is no longer kept: one recorded
    /// before a restart, or by a session read back from its transcript, or long ago.
    private func resentWithoutReply() -> [WireMessage] {
        var messages = [wire(.info("That was already recorded; its reply is no longer kept."))]
        if let current = session.current { messages.append(wire(.question(current))) }
        if session.isFinished, let closing { messages.append(closing) }
        return messages
    }

    /// Ends the session and says where it stands.
    func end(reason: EndReason) async throws(ServerError) -> (messages: [WireMessage], state: WireSessionState) {
        let messages = try await finish(reason: reason)
        return (messages, state())
    }

    /// Handles an answer or a slash command, in its turn.
    func handle(_ text: String, inputID: String? = nil) async throws(ServerError) -> [WireMessage] {
        try await turn { () async throws(ServerError) in
            guard !session.isFinished else { throw .sessionEnded }
            guard !broken else { throw .storage("session \(id) was left inconsistent by an earlier failed write") }
            let (messages, before) = step(text, inputID: inputID)
            return try await reply(messages, undo: before, inputID: inputID)
        }
    }

    /// The engine's part of an input, in its turn: what it says, and how to undo it.
    private func step(_ text: String, inputID: String?) -> ([SessionMessage], InterviewSession.Checkpoint) {
        lastActivity = clock.now()
        let before = session.checkpoint()
        journal.inputID = inputID
        let messages = session.handle(text)
        journal.inputID = nil
        if session.isFinished, endReason == nil {
            endReason = text.trimmingCharacters(in: .whitespaces).lowercased() == "/quit" ? .quit : .completed
        }
        return (messages, before)
    }

    /// What ``HotRoutes`` asks of a session.
    enum HotWork: Sendable {
        /// Greet and ask the first question.
        case start
        /// An answer or a command, with its input id.
        case input(String, id: String?)
        /// End the session now.
        case end(EndReason)
    }

    /// Starts `work` on the session's event loop without waiting (``HotRoutes``): `nil` when
    /// it must go the usual way — another request of the session is running, the input id was
    /// seen before, or the session is over (for an input) or broken — which answers the same,
    /// waiting where it must. Otherwise the commitment of its lines, to run and hand to
    /// ``concludeHot(_:)``, which ends the turn; or the error that refused it before anything
    /// was written.
    func beginHot(_ work: HotWork) -> Result<any JournalCommitment, ServerError>? {
        guard !broken, gate.tryEnter() else { return nil }
        let messages: [SessionMessage]
        let before: InterviewSession.Checkpoint
        var inputID: String?
        var activityBefore: Date?
        switch work {
        case .start:
            before = session.checkpoint()
            messages = session.start()
        case .input(let text, let id):
            guard !session.isFinished, id.map(ledger.isNew) ?? true else {
                gate.leave()
                return nil
            }
            if let id { _ = ledger.begin(id) }
            inputID = id
            (messages, before) = step(text, inputID: id)
        case .end(let reason):
            activityBefore = lastActivity
            (messages, before) = finishStep(reason: reason)
        }
        do {
            let prepared = try prepare(messages, undo: before, inputID: inputID)
            hot = HotTurn(reply: prepared, activityBefore: activityBefore)
            return .success(prepared.commitment)
        } catch {
            if let inputID { ledger.settle(inputID, .failure(error)) }
            if let activityBefore { lastActivity = activityBefore }
            gate.leave()
            return .failure(error)
        }
    }

    /// Ends the turn ``beginHot(_:)`` started, once its commitment came to `result`:
    /// the reply, or why the input was not recorded (the session is then as before it).
    func concludeHot(_ result: Result<Void, any Error>) -> Result<SessionReply, ServerError> {
        guard let turn = hot.take() else { return .failure(.storage("session \(id) has nothing being committed")) }
        let prepared = turn.reply
        let activityBefore = turn.activityBefore
        defer { gate.leave() }
        do {
            let messages = try conclude(prepared, result)
            keptJSON = nil
            if let inputID = prepared.inputID { ledger.settle(inputID, .success(messages)) }
            return .success(SessionReply(messages: messages, session: state()))
        } catch {
            if let inputID = prepared.inputID { ledger.settle(inputID, .failure(error)) }
            if let activityBefore { lastActivity = activityBefore }
            return .failure(error)
        }
    }

    /// Ends the session for idleness if it has had no input since `cutoff`, in its turn, so an
    /// input that arrived meanwhile keeps it open. Returns whether it ended.
    func finishIfIdle(since cutoff: Date) async throws(ServerError) -> Bool {
        try await turn { () async throws(ServerError) in
            guard !session.isFinished, lastActivity <= cutoff else { return false }
            _ = try await finishInTurn(reason: .idleTimeout)
            return session.isFinished
        }
    }

    /// Ends the session now, with the closing report; `reason` goes into `session_end`.
    func finish(reason: EndReason) async throws(ServerError) -> [WireMessage] {
        try await turn { () async throws(ServerError) in try await finishInTurn(reason: reason) }
    }

    private func finishInTurn(reason: EndReason) async throws(ServerError) -> [WireMessage] {
        guard !broken else { throw .storage("session \(id) was left inconsistent by an earlier failed write") }
        let lastBefore = lastActivity
        let (messages, before) = finishStep(reason: reason)
        do {
            return try await reply(messages, undo: before)
        } catch {
            lastActivity = lastBefore
            throw error
        }
    }

    /// The engine's part of ending the session, in its turn.
    private func finishStep(reason: EndReason) -> ([SessionMessage], InterviewSession.Checkpoint) {
        lastActivity = clock.now()
        let wasFinished = session.isFinished
        let before = session.checkpoint()
        let messages = session.finish(reason: reason.rawValue)
        if !wasFinished, session.isFinished { endReason = reason }
        return (messages, before)
    }

    /// Runs `body` when no other input of this session is running.
    private func turn<T>(_ body: () async throws(ServerError) -> T) async throws(ServerError) -> T {
        if !gate.tryEnter() { await withCheckedContinuation { gate.enqueue($0) } }
        defer { gate.leave() }
        return try await body()
    }

    /// Appends a reviewer's `record` in its turn and makes it durable; `false` when the session
    /// has written its last line, so the caller appends to the finished transcript itself.
    func appendReview(_ record: TranscriptRecord) async throws(ServerError) -> Bool {
        try await turn { () async throws(ServerError) in
            guard !session.isFinished else { return false }
            guard !broken else { throw .storage("session \(id) was left inconsistent by an earlier failed write") }
            let mark = journal.mark
            journal.inputID = nil
            let commitment: any JournalCommitment
            do {
                try journal.append(record)
                commitment = journal.commitment(
                    JournalTurn(inputID: nil, reply: nil, finished: false, endReason: nil, lastActivity: lastActivity))
            } catch {
                try? journal.rollBack(to: mark)
                throw .storage("the review could not be written: \(error)")
            }
            do {
                try await settle(commitment)
            } catch {
                do { try journal.rollBack(to: mark) } catch { broken = true }
                if let error = error as? ServerError { throw error }
                throw .storage("the review could not be flushed: \(error)")
            }
            return true
        }
    }

    /// Flushes the transcript (at shutdown); the session stays unfinished, to be recovered.
    func close() async {
        try? await journal.commitment(nil).commit()
    }

    /// Makes what replay wrote durable, before the recovered session is served.
    func flush() async throws {
        // Replay may have finished an input a crash cut short: those lines are written with
        // where the session now stands.
        let commitment = journal.commitment(
            JournalTurn(
                inputID: nil, reply: nil, finished: session.isFinished,
                endReason: session.isFinished ? (endReason ?? .completed).rawValue : nil, lastActivity: lastActivity))
        try await settle(commitment)
        if session.isFinished { journal.finishWriting() }
    }

    /// Runs `commitment`, then tells the journal whether its lines are stored or dropped.
    private func settle(_ commitment: any JournalCommitment) async throws {
        do {
            try await commitment.commit()
            journal.committed()
        } catch {
            journal.abandoned(after: error)
            throw error
        }
    }

    /// Where the session stands.
    func state() -> WireSessionState {
        let status: SessionStatus = session.isFinished ? .finished : session.awaitingFollowUp ? .followUp : .answering
        return WireSessionState(
            id: id, scenario: scenario, interviewer: session.scenario.interviewer.name, status: status,
            question: session.current.map(WireQuestion.init), total: session.total,
            secondsLeft: session.secondsLeft, startedAt: startedAtText,
            lastActivity: TranscriptRecord.timestamp(lastActivity), endReason: session.isFinished ? (endReason ?? .completed) : nil,
            transcript: fileName, closing: session.isFinished ? closing : nil)
    }

    /// How far the journal has got: for the PostgreSQL store, the lines stored.
    var journalMark: Int { journal.mark }

    private var fileName: String { journal.fileName }

    /// Commits the transcript, then turns the engine's messages into their wire form. A line
    /// that could not be written (the engine undid its input) or a commit that failed (undone
    /// here, back to `undo`) leaves the session exactly where its transcript is, and the input
    /// is refused as not recorded.
    private func reply(
        _ messages: [SessionMessage], undo: InterviewSession.Checkpoint, inputID: String? = nil
    ) async throws(ServerError)
        -> [WireMessage]
    {
        let prepared = try prepare(messages, undo: undo, inputID: inputID)
        let result: Result<Void, any Error>
        do {
            try await prepared.commitment.commit()
            result = .success(())
        } catch {
            result = .failure(error)
        }
        return try conclude(prepared, result)
    }

    /// A reply being committed by ``HotRoutes``, and the last activity to go back to if its
    /// lines do not become durable. A struct, not a tuple: copies of a tuple went through the
    /// runtime's generic witnesses.
    private struct HotTurn {
        let reply: PreparedReply
        let activityBefore: Date?
    }

    /// An input's reply, encoded while the engine's state is the one its messages describe,
    /// waiting for its lines to become durable. A class: it is handed on three times before
    /// the reply goes out, and each copy of a struct retained every one of its messages' texts.
    private final class PreparedReply {
        let replies: [WireMessage]
        let undo: InterviewSession.Checkpoint
        let closingBefore: WireMessage?
        let messagesJSON: Data?
        let commitment: any JournalCommitment
        let inputID: String?

        init(
            replies: [WireMessage], undo: InterviewSession.Checkpoint, closingBefore: WireMessage?, messagesJSON: Data?,
            commitment: any JournalCommitment, inputID: String?
        ) {
            self.replies = replies
            self.undo = undo
            self.closingBefore = closingBefore
            self.messagesJSON = messagesJSON
            self.commitment = commitment
            self.inputID = inputID
        }
    }

    /// The first half of ``reply(_:undo:inputID:)``: the wire messages and the commitment.
    private func prepare(
        _ messages: [SessionMessage], undo: InterviewSession.Checkpoint, inputID: String?
    ) throws(ServerError) -> PreparedReply {
        // Looked for by index: `first(where:)` copied each message it passed, report and all.
        if let warning = messages.firstIndex(where: { if case .warning = $0 { true } else { false } }), case .warning(let text) = messages[warning] {
            // The engine undid the input itself; if it could not, its file may hold part of it.
            if session.isInconsistent { broken = true }
            throw .storage(text)
        }
        let replies = messages.map(wire)
        let closingBefore = closing
        if let last = replies.last, last.type == .closing { closing = last }
        // A store that keeps replies for resends gets the messages encoded once, and the same
        // bytes go into this request's answer.
        let messagesJSON = inputID != nil && journal.keepsReplies ? Data(replies.jsonBytes) : nil
        let turn = JournalTurn(
            inputID: inputID, reply: messagesJSON, finished: session.isFinished,
            endReason: session.isFinished ? (endReason ?? .completed).rawValue : nil, lastActivity: lastActivity)
        return PreparedReply(
            replies: replies, undo: undo, closingBefore: closingBefore, messagesJSON: messagesJSON, commitment: journal.commitment(turn),
            inputID: inputID)
    }

    /// The second half: the session as its transcript now is, after the commit's `result`.
    private func conclude(_ prepared: PreparedReply, _ result: Result<Void, any Error>) throws(ServerError) -> [WireMessage] {
        switch result {
        case .success:
            journal.committed()
        case .failure(let error):
            journal.abandoned(after: error)
            closing = prepared.closingBefore
            do { try session.restore(prepared.undo) } catch { broken = true }
            if !session.isFinished { endReason = nil }
            if let error = error as? ServerError { throw error }
            throw .storage("the transcript could not be flushed: \(error)")
        }
        keptJSON = prepared.messagesJSON.map { JSONResponse.object(["messages": $0, "session": Data(state().jsonBytes)]) }
        // An ended session writes nothing more: its descriptor goes back, so sessions kept for
        // late lookups do not eat the daemon's open-file limit.
        if session.isFinished { journal.finishWriting() }
        return prepared.replies
    }

    /// `message` as the daemon sends it.
    private func wire(_ message: SessionMessage) -> WireMessage {
        WireMessage(message, transcript: fileName, bands: bands)
    }
}
