import Foundation
import RehearseAPI
import RehearseCore
import RehearseScoring

/// One interview held by the daemon. An actor, so a person's inputs are handled one at a time
/// while other sessions go on in parallel; every reply is on disk before it is returned.
actor LiveSession {
    nonisolated let id: String
    nonisolated let tokenHash: String
    nonisolated let scenario: String
    nonisolated let startedAt: Date
    private let session: InterviewSession
    private let transcript: DaemonTranscript
    private let clock: any SessionClock
    private let bands: ScorerSettings
    private(set) var lastActivity: Date
    private(set) var endReason: EndReason?
    /// The closing message, kept for `GET /v1/sessions/{id}` once the session is over.
    private var closing: WireMessage?
    /// The last input's id and its reply, to answer a resent input without handling it twice.
    private var lastInput: (id: String, reply: [WireMessage]?)?

    /// A session over `pool`; the engine is made here so that it and its transcript belong to
    /// this actor alone.
    init(
        id: String, tokenHash: String, scenario: Scenario, pool: [Question], options: SessionOptions,
        scorer: ScorerSettings, corpus: Corpus, cache: PreparedCache, transcript: sending DaemonTranscript, clock: any SessionClock,
        startedAt: Date? = nil, lastActivity: Date? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.scenario = scenario.id
        self.transcript = transcript
        bands = scorer
        session = InterviewSession(
            scenario: scenario, pool: pool, options: options, scorer: Scorer(settings: scorer, corpus: corpus, cache: cache),
            clock: clock, transcript: transcript)
        self.clock = clock
        self.startedAt = startedAt ?? clock.now()
        self.lastActivity = lastActivity ?? clock.now()
    }

    /// Whether the interview is over.
    var isFinished: Bool { session.isFinished }

    /// Greets and asks the first question.
    func start() async throws(ServerError) -> [WireMessage] {
        try await reply(session.start())
    }

    /// Feeds lines already in the transcript back to the engine (recovery); `nil` when the
    /// engine now says something else, with what differs.
    func replay(_ inputs: [String], endedWith reason: String? = nil) -> String? {
        var last = session.start()
        for input in inputs { last = session.handle(input) }
        if let reason, !session.isFinished {
            endReason = EndReason(recorded: reason)
            last = session.finish(reason: reason)
        }
        if let recorded = transcript.lastRecordedInputID { lastInput = (recorded, nil) }
        // An ended session's report, rebuilt as the engine says it again (nothing is written).
        closing = last.last.map(wire).flatMap { $0.type == .closing ? $0 : nil }
        if let divergence = transcript.divergence { return divergence }
        return transcript.caughtUp ? nil : "the transcript has lines the engine did not say again"
    }

    /// Handles an input and says where the session then stands, in one call (one hop).
    func input(_ text: String, id inputID: String? = nil) async throws(ServerError) -> (messages: [WireMessage], state: WireSessionState) {
        if let inputID, let last = lastInput, last.id == inputID {
            return (last.reply ?? resentAfterRestart(), state())
        }
        guard !session.isFinished else { throw .sessionEnded }
        transcript.inputID = inputID
        defer { transcript.inputID = nil }
        let messages = try await handle(text)
        if let inputID { lastInput = (inputID, messages) }
        return (messages, state())
    }

    /// The reply to an input recorded before a restart, whose own reply was lost with it.
    private func resentAfterRestart() -> [WireMessage] {
        var messages = [wire(.info("That was already recorded before the daemon restarted."))]
        if let current = session.current { messages.append(wire(.question(current))) }
        if session.isFinished, let closing { messages.append(closing) }
        return messages
    }

    /// Ends the session and says where it stands.
    func end(reason: EndReason) async throws(ServerError) -> (messages: [WireMessage], state: WireSessionState) {
        let messages = try await finish(reason: reason)
        return (messages, state())
    }

    /// Handles an answer or a slash command.
    func handle(_ text: String) async throws(ServerError) -> [WireMessage] {
        lastActivity = clock.now()
        let messages = session.handle(text)
        if session.isFinished, endReason == nil {
            endReason = text.trimmingCharacters(in: .whitespaces).lowercased() == "/quit" ? .quit : .completed
        }
        return try await reply(messages)
    }

    /// Ends the session now, with the closing report; `reason` goes into `session_end`.
    func finish(reason: EndReason) async throws(ServerError) -> [WireMessage] {
        lastActivity = clock.now()
        if !session.isFinished { endReason = reason }
        return try await reply(session.finish(reason: reason.rawValue))
    }

    /// Flushes the transcript (at shutdown); the session stays unfinished, to be recovered.
    func close() async {
        try? await DaemonTranscript.commit(transcript.flusher)
    }

    /// Where the session stands.
    func state() -> WireSessionState {
        let status: SessionStatus = session.isFinished ? .finished : session.awaitingFollowUp ? .followUp : .answering
        return WireSessionState(
            id: id, scenario: scenario, interviewer: session.scenario.interviewer.name, status: status,
            question: session.current.map(WireQuestion.init), total: session.total,
            secondsLeft: session.secondsLeft, startedAt: TranscriptRecord.timestamp(startedAt),
            lastActivity: TranscriptRecord.timestamp(lastActivity), endReason: session.isFinished ? (endReason ?? .completed) : nil,
            transcript: fileName, closing: session.isFinished ? closing : nil)
    }

    /// The transcript's path on the daemon's disk.
    var path: String { transcript.location }

    private var fileName: String { (transcript.location as NSString).lastPathComponent }

    /// Commits the transcript, then turns the engine's messages into their wire form.
    private func reply(_ messages: [SessionMessage]) async throws(ServerError) -> [WireMessage] {
        if case .warning(let text)? = messages.first(where: { if case .warning = $0 { true } else { false } }) {
            throw .storage(text)
        }
        // Encoded before the flush: the actor may take another input while the disk works, and
        // that input's lines are flushed by its own commit.
        let replies = messages.map(wire)
        if let last = replies.last, last.type == .closing { closing = last }
        do { try await DaemonTranscript.commit(transcript.flusher) } catch { throw .storage("the transcript could not be flushed: \(error)") }
        return replies
    }

    /// `message` as the daemon sends it.
    private func wire(_ message: SessionMessage) -> WireMessage {
        WireMessage(message, transcript: fileName, bands: bands)
    }
}
