import ArgumentParser
import Foundation
import RehearseAPI
import RehearseClient
import RehearseCore
import RehearseScoring
import RehearseTerminal

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Start a mock interview.",
        discussion: """
            The interviewer asks questions from the scenario, scores each answer, says what you \
            covered and what you missed, and may ask one follow-up. Type /help during the session \
            for the commands (/hint, /skip, /repeat, /score, /time, /quit). A plain answer is one \
            line; end a line with \\ to continue it, or put code between two ``` lines. Ctrl-C \
            clears the line, Ctrl-D ends the session with the report.

            Every answer is saved to a transcript as you go (docs/transcript-format.md). With \
            standard input from a pipe there are no prompts, so sessions can be scripted: \
            rehearse practice --seed 7 --count 3 < answers.txt
            """
    )

    @Option(
        help: ArgumentHelp("The scenario to practise (default: practice.scenario, \(SessionDefaults.builtinScenario)).", valueName: "id"))
    var scenario: String?
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("How many questions (default: the scenario's count).", valueName: "n"))
    var count: Int?
    @Option(
        help: ArgumentHelp("Seed the question order: the same seed and answers ask the same questions (and ignore your history).", valueName: "n"))
    var seed: UInt64?
    @Flag(help: "Ask no follow-up questions.")
    var noFollowUp = false
    @Option(help: ArgumentHelp("Time per question, e.g. 90s or 2m (default: the scenario's).", valueName: "duration"))
    var timeLimit: String?
    @Flag(help: "Show the reference answer right after each answer.")
    var reveal = false
    @Flag(help: "Ask the questions due for review (see `rehearse due`), most overdue and weakest first.")
    var review = false
    @Option(help: ArgumentHelp("Write the transcript to this folder (default: transcripts.folder).", valueName: "dir"))
    var transcripts: String?
    @Option(help: ArgumentHelp("Hold the session on this daemon (`rehearse serve`) instead of in this process.", valueName: "url"))
    var server: String?
    @Option(help: ArgumentHelp("The daemon's auth token, if it has one (also $REHEARSE_AUTH_TOKEN).", valueName: "token"))
    var authToken: String?
    @Option(help: ArgumentHelp("Your name as reviewers see it, recorded in the transcript (config: candidate).", valueName: "name"))
    var candidate: String?
    @OptionGroup var samples: SamplesOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if server != nil, !samples.files.isEmpty {
            throw ValidationError("with --server the daemon scores; give --samples to `rehearse serve` instead")
        }
        if let count, !(1...1000).contains(count) { throw ValidationError("--count must be from 1 to 1000, got \(count)") }
        if let timeLimit, !(1...TimeLimit.maxSeconds).contains(TimeLimit.seconds(from: timeLimit) ?? 0) {
            throw ValidationError("--time-limit \"\(timeLimit)\" is not a duration from 1s to 24h (write 90s, 2m or 1m30s)")
        }
        if server != nil, review || transcripts != nil {
            throw ValidationError("--server cannot be used with \(review ? "--review" : "--transcripts"): the daemon keeps the transcripts")
        }
    }

    func run() throws {
        var flags: [String: (value: String, flag: String)] = [:]
        if let transcripts { flags["transcripts.folder"] = (transcripts, "--transcripts") }
        if noFollowUp { flags["practice.follow_up"] = ("false", "--no-follow-up") }
        if let scenario { flags["practice.scenario"] = (scenario, "--scenario") }
        if let candidate { flags["candidate"] = (candidate, "--candidate") }
        let context = try CommandContext(global, extraFlags: flags)
        let name = try candidateName(context)
        if let server { return try runRemote(server, context, candidate: name) }
        let config = context.config
        let catalog = try context.catalog(samples: samples)
        let plan = SessionPlan(
            filter: filters.filter, count: count, seed: seed, timeLimit: timeLimit.flatMap(TimeLimit.seconds(from:)), reveal: reveal,
            inOrder: review, candidate: name)
        var due: [Question]?
        if review {
            let items = try ReviewSchedule.items(from: context.localSessions())
            // Review draws from every bank: what is due matters more than the scenario's draw.
            due = ReviewSchedule.due(items, at: Date()).compactMap { catalog.question(id: $0.questionID) }.filter(plan.filter.admits)
            if due?.isEmpty ?? true { return print(ReviewView.nothingDue(items, at: Date())) }
        }
        let resolved = try plan.resolve(in: catalog, defaults: config.sessionDefaults, pool: due.map { due in { _ in due } })
        let clock = SystemClock()
        if let notice = resolved.notice { context.notice(notice) }
        let transcript = try TranscriptFile(folder: config.transcriptsFolder, scenario: resolved.scenario.id, startedAt: clock.now())
        let session = InterviewSession(
            scenario: resolved.scenario, pool: resolved.pool, options: resolved.options,
            scorer: Scorer(settings: config.scorerSettings, corpus: catalog.corpus), clock: clock,
            transcript: transcript, recent: RecentQuestions.ids(in: config.transcriptsFolder))
        try converse(
            session,
            MessageRenderer(style: context.style, interviewer: resolved.scenario.interviewer.name, reveal: reveal, width: context.proseWidth), context
        )
    }

    /// The same dialogue against a daemon: the options go to the daemon, which keeps the transcript.
    private func runRemote(_ url: String, _ context: CommandContext, candidate: String?) throws {
        let request = CreateSessionRequest(
            scenario: scenario, topic: filters.topic, tag: filters.tag, difficulty: filters.difficulty, count: count, seed: seed,
            followUp: noFollowUp ? false : nil, timeLimit: timeLimit.flatMap(TimeLimit.seconds(from:)), reveal: reveal ? true : nil,
            candidate: candidate)
        let token = context.authToken(flag: authToken)
        let session = try RemoteSession(client: try DaemonClient(url: url), options: request, authToken: token)
        try converse(
            session, MessageRenderer(style: context.style, interviewer: session.interviewer, reveal: reveal, width: context.proseWidth), context)
    }

    /// The name from --candidate or the config, checked as the daemon checks it.
    private func candidateName(_ context: CommandContext) throws -> String? {
        guard let text = context.config.candidate else { return nil }
        let place = candidate != nil ? "--candidate" : "the config key candidate"
        switch CandidateName.validated(text, field: place) {
        case .success(let name): return name
        case .failure(let error):
            if candidate != nil { throw ValidationError("\(error)") }
            throw CoreError.invalidConfig(["\(error)"])
        }
    }

    /// Runs the dialogue; an input that could not be saved makes the exit status 1.
    private func converse(_ session: any InterviewDriver, _ renderer: MessageRenderer, _ context: CommandContext) throws {
        StandardIOInterview.run(session, renderer: renderer, historyFile: XDGPaths(environment: context.environment).stateHome + "/rehearse/history")
        if session.unsavedInputs > 0 { throw CoreError.unsaved(session.unsavedInputs) }
    }
}
