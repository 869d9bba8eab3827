import Foundation
import RehearseScoring

/// One mock interview as a state machine: greeting → question → answer → feedback →
/// (one follow-up) → next → closing report. Inputs are lines exactly as typed; outputs are
/// messages. Time, randomness and the transcript are injected, so tests, pipes, the REPL and a
/// server all drive the same engine. Not thread-safe: one session, one task.
public final class InterviewSession {
    fileprivate enum State {
        case notStarted
        case between
        case answering(Answering)
        case followingUp(FollowingUp)
        case finished
    }

    /// The question on screen and when it was asked. Boxed, and never changed in place (a
    /// change makes a new box), so a checkpoint keeps what it saw: the state is copied at every
    /// look at it, and copying a result copied its question and report field by field.
    fileprivate final class Answering: Sendable {
        let result: QuestionResult
        let askedAt: Date

        init(_ result: QuestionResult, askedAt: Date) {
            self.result = result
            self.askedAt = askedAt
        }
    }

    /// A follow-up awaiting its answer, boxed like ``Answering``, with the first answer's report.
    fileprivate final class FollowingUp: Sendable {
        let result: QuestionResult
        let askedAt: Date
        let first: ScoreReport

        init(_ result: QuestionResult, askedAt: Date, first: ScoreReport) {
            self.result = result
            self.askedAt = askedAt
            self.first = first
        }
    }

    /// The scenario being practised.
    public let scenario: Scenario
    /// The session's options.
    public let options: SessionOptions
    private let scorer: Scorer
    /// Graded samples learned after the banks were loaded (reviewers' grades), by question id.
    private let learned: (any SampleSource)?
    private let clock: any SessionClock
    private let transcript: any TranscriptSink
    private var picker: QuestionPicker
    private var state = State.notStarted
    private var results: [QuestionResult] = []
    private var startedAt: Date
    /// `startedAt` as the transcript records it, worked out once per start rather than at
    /// every answer (writing and parsing the time showed in the daemon's profile).
    private var recordedStartCache: (of: Date, recorded: Date)?
    private var lastBand: Band?
    /// The two times written last: a question's time comes back as its answer's `asked_at`,
    /// an answer's time as its `answered_at` and a follow-up's `asked_at`. Two properties,
    /// not an array of tuples, whose copies went through the runtime's generic witnesses.
    private var newestStamp: (date: Date, text: String)?
    private var olderStamp: (date: Date, text: String)?
    /// The first write that failed during the input being handled; the input is then undone.
    private var writeFailure: (any Error)?
    /// Inputs that could not be saved and were undone, for a non-zero exit at the end.
    public private(set) var unsavedInputs = 0
    /// Whether undoing an unsaved input failed too, so the transcript may hold part of it.
    public private(set) var isInconsistent = false
    /// Questions the session will ask: the count, or fewer if the pool is smaller.
    public let total: Int

    /// Creates a session over `pool` (the scenario's questions after the filters).
    public init(
        scenario: Scenario, pool: [Question], options: SessionOptions, scorer: Scorer, clock: any SessionClock,
        transcript: any TranscriptSink, recent: Set<String> = [], learned: (any SampleSource)? = nil
    ) {
        self.scenario = scenario
        self.options = options
        self.scorer = scorer
        self.learned = learned
        self.clock = clock
        self.transcript = transcript
        picker = QuestionPicker(
            pool: pool, start: scenario.startDifficulty, adaptive: scenario.adaptive, seed: options.seed,
            recent: options.seedIsFixed ? [] : recent, inOrder: options.inOrder)
        startedAt = clock.now()
        total = min(options.count, pool.count)
    }

    /// Whether the session has ended.
    public var isFinished: Bool { if case .finished = state { true } else { false } }

    /// The question being answered, if any.
    public var current: AskedQuestion? {
        switch state {
        case .answering(let on): asked(on.result.question)
        case .followingUp(let on): asked(on.result.question)
        default: nil
        }
    }

    /// Whether the next line answers a follow-up.
    public var awaitingFollowUp: Bool { if case .followingUp = state { true } else { false } }

    /// Seconds left on the current question, negative when over; `nil` without a limit.
    public var secondsLeft: Int? {
        guard let limit = options.timeLimit else { return nil }
        switch state {
        case .answering(let on): return limit - Self.wholeSeconds(clock.now().timeIntervalSince(on.askedAt))
        case .followingUp(let on): return limit - Self.wholeSeconds(clock.now().timeIntervalSince(on.askedAt))
        default: return nil
        }
    }

    /// Greets and asks the first question.
    public func start() -> [SessionMessage] {
        atomically { unsafeStart() }
    }

    private func unsafeStart() -> [SessionMessage] {
        guard case .notStarted = state else { return [] }
        startedAt = clock.now()
        record(startRecord())
        var messages: [SessionMessage] = [
            .greeting(interviewer: scenario.interviewer.name, text: InterviewerText.fill(scenario.interviewer.greeting, count: options.count))
        ]
        messages += askNext()
        return messages
    }

    /// Everything an input can change, to go back to when its lines cannot all be saved.
    public struct Checkpoint {
        fileprivate let state: State
        /// How many results there were: results are only ever appended, so going back is
        /// dropping the later ones. Holding the array itself made the next answer's append
        /// copy every result.
        fileprivate let resultCount: Int
        fileprivate let lastBand: Band?
        fileprivate let picker: QuestionPicker
        fileprivate let startedAt: Date
        fileprivate let mark: Int
    }

    /// Where the session and its transcript stand now.
    public func checkpoint() -> Checkpoint {
        Checkpoint(state: state, resultCount: results.count, lastBand: lastBand, picker: picker, startedAt: startedAt, mark: transcript.mark)
    }

    /// Goes back to `checkpoint`: the engine and the transcript forget what came after, so an
    /// answer that was not saved is asked for again instead of being counted.
    public func restore(_ checkpoint: Checkpoint) throws {
        // Checkpoints are gone back to latest first, so there are never fewer results than then.
        guard results.count >= checkpoint.resultCount else {
            throw CoreError.transcript("cannot go back to a point the session has not reached")
        }
        state = checkpoint.state
        results.removeLast(results.count - checkpoint.resultCount)
        lastBand = checkpoint.lastBand
        picker = checkpoint.picker
        startedAt = checkpoint.startedAt
        try transcript.rollBack(to: checkpoint.mark)
    }

    /// Handles one input: an answer (possibly several lines joined) or a slash command. If a
    /// line cannot be written, nothing of the input is kept and a warning says so.
    public func handle(_ input: String) -> [SessionMessage] {
        atomically { unsafeHandle(input) }
    }

    /// Runs `step`; if any of its lines failed to write, undoes it and says why instead.
    private func atomically(_ step: () -> [SessionMessage]) -> [SessionMessage] {
        let before = checkpoint()
        writeFailure = nil
        let messages = step()
        guard let failure = writeFailure else { return messages }
        writeFailure = nil
        unsavedInputs += 1
        let undone: Bool
        do {
            try restore(before)
            undone = true
        } catch {
            undone = false
            isInconsistent = true
        }
        let reason = (failure as? CoreError).map { "\($0)" } ?? "\(failure)"
        return [
            .warning(
                "that was not saved (\(reason)), so it was not counted"
                    + (undone ? "; free some space or fix the folder, then send it again" : "; the transcript may hold part of it"))
        ]
    }

    private func unsafeHandle(_ input: String) -> [SessionMessage] {
        if isFinished { return [] }
        if case .notStarted = state { return unsafeStart() + unsafeHandle(input) }
        if let (command, typed) = SessionCommand.parse(input) {
            guard let command else {
                let known = SessionCommand.spellings
                let hint = Suggestion.closest(to: typed, among: known).map { "did you mean \($0)? " } ?? ""
                return [.info("unknown command \(typed) (\(hint)/help lists them)")]
            }
            return run(command)
        }
        let answer = input.trimming(.whitespacesAndNewlines)
        guard !answer.isEmpty else { return [.info("Type your answer, or /help for the commands.")] }
        switch state {
        case .answering(let on): return answered(on.result, answer, askedAt: on.askedAt)
        case .followingUp(let on): return followedUp(on.result, answer, askedAt: on.askedAt, first: on.first)
        default: return []
        }
    }

    /// Ends the session (end of input, `/quit`, or a server timeout) with the closing report.
    public func finish(reason: String = "completed") -> [SessionMessage] {
        atomically { unsafeFinish(reason: reason) }
    }

    private func unsafeFinish(reason: String = "completed") -> [SessionMessage] {
        if isFinished { return [] }
        switch state {
        case .answering(let on):
            // The question on screen counts as asked; an answer already given keeps its score.
            results.append(on.result)
        case .followingUp(let on):
            results.append(on.result)
        default: break
        }
        state = .finished
        let duration = clock.now().timeIntervalSince(startedAt)
        let report = ClosingReport(results: results, transcript: transcript.location, duration: duration)
        var end = TranscriptRecord(.sessionEnd, at: clock.now())
        end.reason = reason
        end.answered = results.filter { $0.answer != nil }.count
        end.skipped = results.filter(\.skipped).count
        end.overall = (report.overall * 10).rounded() / 10
        end.durationSeconds = (duration * 10).rounded() / 10
        record(end)
        return [.closing(text: closingWords(answered: end.answered ?? 0), report: report)]
    }

    /// The scenario's closing when the interview ran its course; plain words when it stopped
    /// early ("Time's up!" after one answer of a quickfire round would be wrong).
    private func closingWords(answered: Int) -> String {
        if answered == 0 { return "We stopped before any answer — nothing to score." }
        let asked = results.count
        if asked < options.count {
            return "We stopped after \(asked) of \(options.count) questions, \(answered) answered — here's how those went."
        }
        return InterviewerText.fill(scenario.interviewer.closing, count: options.count)
    }

    // MARK: - Steps

    private func askNext() -> [SessionMessage] {
        guard results.count < options.count, let question = picker.next(after: lastBand) else { return unsafeFinish() }
        let now = clock.now()
        state = .answering(Answering(QuestionResult(question: question), askedAt: now))
        var line = TranscriptRecord(.question, time: stamp(now))
        line.questionID = question.id
        line.number = results.count + 1
        line.questionHash = ContentHash.of(question)
        line.prompt = question.prompt
        line.topic = question.topic
        line.difficulty = question.difficulty.rawValue
        record(line)
        return [.question(asked(question))]
    }

    private func answered(_ result: QuestionResult, _ answer: String, askedAt: Date) -> [SessionMessage] {
        var result = result
        let now = clock.now()
        result.answer = answer
        result.seconds = now.timeIntervalSince(askedAt)
        let overtime = options.timeLimit.map { Self.wholeSeconds(result.seconds) - $0 }.flatMap { $0 > 0 ? $0 : nil }
        result.overtime = overtime != nil
        record(answerRecord(result.question, answer, askedAt: askedAt, at: now, followUp: false, overtime: result.overtime))
        let report = scorer.score(answer, for: scoring(result.question))
        let cap = hintCap(result.hintsUsed)
        result.report = report
        result.finalScore = min(report.score, cap ?? 100)
        let band = scorer.settings.band(for: result.finalScore)
        record(scoreRecord(result, report, band: band, followUp: false))
        // Built in place: each `+` copied the messages so far, the report's texts and all.
        var messages: [SessionMessage] = [
            .feedback(report: report, final: result.finalScore, band: band, hintCap: cap, overtimeSeconds: overtime)
        ]
        if options.reveal { messages.append(.reference(answer: result.question.answer, code: result.question.code)) }

        if options.followUp, band != .strong, let followUp = Self.followUp(for: result.question, missed: report.missed)?.text {
            state = .followingUp(FollowingUp(result, askedAt: now, first: report))
            var line = TranscriptRecord(.followUp, time: stamp(now))
            line.questionID = result.question.id
            line.text = followUp
            record(line)
            messages.append(.followUp(questionID: result.question.id, text: followUp))
            return messages
        }
        messages += next(after: result, band: band)
        return messages
    }

    /// `question` as the scorer sees it, with the samples learned for it.
    /// The start to the millisecond, as a replay reads it back from the transcript.
    private var recordedStart: Date {
        if let cached = recordedStartCache, cached.of == startedAt { return cached.recorded }
        let recorded = TranscriptRecord.recorded(startedAt)
        recordedStartCache = (startedAt, recorded)
        return recorded
    }

    private func scoring(_ question: Question) -> ScoringQuestion {
        var scoring = question.scoringQuestion
        // The start as the transcript records it (to the millisecond): a replay pins its clock
        // to that, so the session learns from the same grades when it is rebuilt.
        if let learned { scoring.samples += learned.samples(for: question.id, before: recordedStart) }
        return scoring
    }

    /// The follow-up is graded for the concept it asked about (and any other still missed);
    /// what it earns joins the first answer's concepts and the question's score is recomputed.
    private func followedUp(_ result: QuestionResult, _ answer: String, askedAt: Date, first: ScoreReport) -> [SessionMessage] {
        var result = result
        let now = clock.now()
        result.followUpAnswer = answer
        record(answerRecord(result.question, answer, askedAt: askedAt, at: now, followUp: true, overtime: false))
        let asked = Self.followUp(for: result.question, missed: first.missed)?.concept ?? ""
        let best = scorer.score(followUp: answer, asked: asked, after: first, for: scoring(result.question))
        result.report = best
        result.finalScore = min(best.score, hintCap(result.hintsUsed) ?? 100)
        let band = scorer.settings.band(for: result.finalScore)
        record(scoreRecord(result, best, band: band, followUp: true))
        var messages: [SessionMessage] = [
            .feedback(report: best, final: result.finalScore, band: band, hintCap: hintCap(result.hintsUsed), overtimeSeconds: nil)
        ]
        messages += next(after: result, band: band)
        return messages
    }

    /// The follow-up on the most important missed concept: the bank's own `follow_up` when
    /// that is the question's key concept (the one its follow-up is written about), otherwise an
    /// invitation to say more about the concept that was missed.
    /// Returns the text and the concept it asks about.
    public static func followUp(for question: Question, missed: [MissedConcept]) -> (text: String, concept: String)? {
        guard let top = missed.first else { return nil }
        let key = question.concepts.enumerated().max { a, b in
            (a.element.required ? 1 : 0, a.element.weight, -a.offset) < (b.element.required ? 1 : 0, b.element.weight, -b.offset)
        }?.element
        if let written = question.followUp, key == nil || missed.contains(where: { $0.concept == key?.name }) {
            return (written, key?.name ?? top.concept)
        }
        return ("Can you say more about \(top.concept)?", top.concept)
    }

    private func next(after result: QuestionResult, band: Band?) -> [SessionMessage] {
        state = .between
        results.append(result)
        lastBand = band
        return askNext()
    }

    private func run(_ command: SessionCommand) -> [SessionMessage] {
        switch command {
        case .help: return [.info(Self.help)]
        case .quit: return unsafeFinish(reason: "quit")
        case .score:
            let answered = results.filter { !$0.skipped }
            guard !results.isEmpty else { return [.info("No questions scored yet.")] }
            let mean = results.map(\.finalScore).reduce(0, +) / Double(results.count)
            return [
                .info(
                    "Running score: \(DisplayFormat.score(mean))/100 over \(results.count) question\(results.count == 1 ? "" : "s") (\(answered.count) answered)."
                )
            ]
        case .time:
            let session = Self.wholeSeconds(clock.now().timeIntervalSince(startedAt))
            var text = "Session: \(DisplayFormat.minutes(session))."
            if case .answering(let on) = state {
                text = "This question: \(DisplayFormat.minutes(Self.wholeSeconds(clock.now().timeIntervalSince(on.askedAt)))). " + text
            }
            if let left = secondsLeft {
                text += left >= 0 ? " \(DisplayFormat.minutes(left)) left." : " \(DisplayFormat.minutes(-left)) over the limit."
            }
            return [.info(text)]
        case .repeat:
            switch state {
            case .answering(let on): return [.question(asked(on.result.question))]
            case .followingUp(let on): return [.followUp(questionID: on.result.question.id, text: on.result.question.followUp ?? "")]
            default: return []
            }
        case .hint:
            guard case .answering(let on) = state else {
                return [.info("Hints are for the main question; answer the follow-up in your own words.")]
            }
            var result = on.result
            let hints = result.question.hints
            guard result.hintsUsed < hints.count else { return [.info("No more hints for this question.")] }
            result.hintsUsed += 1
            state = .answering(Answering(result, askedAt: on.askedAt))
            var line = TranscriptRecord(.hint, at: clock.now())
            line.questionID = result.question.id
            line.number = result.hintsUsed
            line.text = hints[result.hintsUsed - 1]
            record(line)
            return [
                .hint(number: result.hintsUsed, total: hints.count, text: hints[result.hintsUsed - 1], cap: hintCap(result.hintsUsed) ?? 100)
            ]
        case .skip:
            guard case .answering(let on) = state else {
                if case .followingUp(let on) = state { return next(after: on.result, band: scorer.settings.band(for: on.result.finalScore)) }
                return []
            }
            var result = on.result
            result.skipped = true
            var line = TranscriptRecord(.skip, at: clock.now())
            line.questionID = result.question.id
            record(line)
            return [.info("Skipped.")] + next(after: result, band: nil)
        }
    }

    // MARK: - Helpers

    /// Whole seconds of `interval` (toward zero), kept within ±68 years so that no conversion
    /// traps and no arithmetic on the result overflows, whatever the clock says.
    private static func wholeSeconds(_ interval: TimeInterval) -> Int {
        interval.clampedInt(in: -Int(Int32.max)...Int(Int32.max), rounding: .towardZero)
    }

    private func asked(_ question: Question) -> AskedQuestion {
        AskedQuestion(number: results.count + 1, total: total, question: question, timeLimit: options.timeLimit)
    }

    private func hintCap(_ used: Int) -> Double? {
        used == 0 ? nil : Double(max(0, 100 - options.hintPenalty * used))
    }

    /// Writes a line; after a failure nothing more of the input is written, and the input is
    /// undone by ``atomically(_:)``.
    private func record(_ line: TranscriptRecord) {
        guard writeFailure == nil else { return }
        do {
            try transcript.append(line)
        } catch {
            writeFailure = error
        }
    }

    private func startRecord() -> TranscriptRecord {
        var line = TranscriptRecord(.sessionStart, at: startedAt)
        line.schema = TranscriptRecord.schemaVersion
        line.rehearseVersion = RehearseVersion.current
        line.scenario = scenario.id
        line.scenarioHash = ContentHash.of(scenario)
        line.seed = String(options.seed)
        line.candidate = options.candidate
        var settings: [String: String] = [
            "count": String(options.count), "follow_up": String(options.followUp), "reveal": String(options.reveal),
            "hint_penalty": String(options.hintPenalty), "adaptive": String(scenario.adaptive),
            "start_difficulty": scenario.startDifficulty.rawValue,
        ]
        if let limit = options.timeLimit { settings["time_limit"] = String(limit) }
        if !options.filter.topics.isEmpty { settings["topic"] = options.filter.topics.joined(separator: ",") }
        if !options.filter.tags.isEmpty { settings["tag"] = options.filter.tags.joined(separator: ",") }
        if !options.filter.difficulties.isEmpty { settings["difficulty"] = options.filter.difficulties.map(\.rawValue).joined(separator: ",") }
        line.options = settings
        return line
    }

    private func answerRecord(_ question: Question, _ text: String, askedAt: Date, at now: Date, followUp: Bool, overtime: Bool) -> TranscriptRecord {
        let askedAtText = stamp(askedAt)
        var line = TranscriptRecord(.answer, time: stamp(now))
        line.questionID = question.id
        line.text = text
        line.isFollowUp = followUp
        line.askedAt = askedAtText
        line.answeredAt = line.time
        line.elapsedSeconds = (now.timeIntervalSince(askedAt) * 10).rounded() / 10
        line.overtime = overtime
        return line
    }

    /// `date` as a transcript writes it, formatted once for the times that come back.
    private func stamp(_ date: Date) -> String {
        if let newest = newestStamp, newest.date == date { return newest.text }
        if let older = olderStamp, older.date == date { return older.text }
        let text = TranscriptRecord.timestamp(date)
        olderStamp = newestStamp
        newestStamp = (date, text)
        return text
    }

    private func scoreRecord(_ result: QuestionResult, _ report: ScoreReport, band: Band, followUp: Bool) -> TranscriptRecord {
        var line = TranscriptRecord(.score, at: clock.now())
        line.questionID = result.question.id
        line.isFollowUp = followUp
        line.score = report.score
        line.finalScore = result.finalScore
        line.band = band.rawValue
        line.matched = report.matched
        line.missed = report.missed
        line.feedback = report.feedback
        line.conceptScore = report.conceptScore
        line.matchedSample = report.matchedSample
        line.closestSamples = report.closestSamples
        line.relevance = report.relevance
        line.hintsUsed = result.hintsUsed
        return line
    }

    static let help =
        (["Commands:"] + SessionCommand.allCases.map { "  /\($0.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \($0.summary)" } + [
            "Answers: Enter sends. A line ending in : or \\ continues, Alt-Enter adds a line, ``` opens a code block until ```.",
            "Ctrl-D ends the session (inside an open ``` block it drops that unfinished answer).",
        ]).joined(separator: "\n")

}
