import ArgumentParser
import Foundation
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

    @Option(help: ArgumentHelp("The scenario to practise (default: practice.scenario, python-web).", valueName: "id"))
    var scenario: String?

    @Option(help: ArgumentHelp("Only questions of this topic; repeat for several.", valueName: "topic"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("Only questions with this tag; repeat for several.", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only questions of this difficulty (easy, medium, hard); repeat for several.", valueName: "level"))
    var difficulty: [String] = []

    @Option(help: ArgumentHelp("How many questions (default: the scenario's count).", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Seed the question order: the same seed and answers ask the same questions (and ignore your history).", valueName: "n"))
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

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for level in difficulty where Difficulty(rawValue: level) == nil {
            throw ValidationError("unknown difficulty \"\(level)\" (expected easy, medium or hard)")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1, got \(count)") }
        if let timeLimit, TimeLimit.seconds(from: timeLimit) == nil {
            throw ValidationError("--time-limit \"\(timeLimit)\" is not a duration (write 90s, 2m or 1m30s)")
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
        let context = try CommandContext(global, extraFlags: flags)
        if let server { return try runRemote(server, context) }
        let config = context.config
        let catalog = try context.catalog()
        guard let chosen = catalog.scenario(id: config.defaultScenario) else {
            throw CoreError.unknownScenario(config.defaultScenario, known: catalog.scenarios.map(\.id))
        }
        let filter = QuestionFilter(topics: topic, tags: tag, difficulties: difficulty.compactMap(Difficulty.init(rawValue:)))
        var pool = filter.apply(catalog.pool(for: chosen))
        if review {
            let items = ReviewSchedule.items(from: context.sessions())
            let due = ReviewSchedule.due(items, at: Date())
            // Review draws from every bank: what is due matters more than the scenario's draw.
            pool = due.compactMap { catalog.question(id: $0.questionID) }.filter(filter.admits)
            guard !pool.isEmpty else {
                let next = items.filter { $0.due > Date() }.min { $0.due < $1.due }
                print("Nothing is due for review." + (next.map { " Next: \($0.questionID) on \(SessionReplayView.dateText($0.due))." } ?? " Practise first: rehearse practice"))
                return
            }
        }
        guard !pool.isEmpty else {
            throw CoreError.emptyPool("no question of scenario \"\(chosen.id)\" matches these filters (`rehearse questions --scenario \(chosen.id)` lists its questions)")
        }
        let options = SessionOptions(
            filter: filter, count: count ?? (review ? pool.count : nil) ?? chosen.count ?? config.questionCount,
            seed: seed ?? UInt64.random(in: 0...UInt64.max), seedIsFixed: seed != nil, followUp: config.followUp,
            timeLimit: timeLimit.flatMap(TimeLimit.seconds(from:)) ?? chosen.timeLimit, reveal: reveal,
            hintPenalty: config.hintPenalty, inOrder: review)
        let clock = SystemClock()
        let transcript = try TranscriptFile(folder: config.transcriptsFolder, scenario: chosen.id, startedAt: clock.now())
        let session = InterviewSession(
            scenario: chosen, pool: pool, options: options,
            scorer: Scorer(settings: config.scorerSettings, corpus: catalog.corpus), clock: clock,
            transcript: transcript, recent: RecentQuestions.ids(in: config.transcriptsFolder))
        let renderer = MessageRenderer(style: context.style, interviewer: chosen.interviewer.name, reveal: reveal)
        converse(session, renderer, context)
    }

    /// The same dialogue against a daemon: the options go to the daemon, which keeps the transcript.
    private func runRemote(_ url: String, _ context: CommandContext) throws {
        let options = RemoteSession.Options(
            scenario: scenario, topic: topic, tag: tag, difficulty: difficulty, count: count, seed: seed,
            followUp: noFollowUp ? false : nil, timeLimit: timeLimit.flatMap(TimeLimit.seconds(from:)), reveal: reveal ? true : nil)
        let token = context.authToken(flag: authToken)
        let session = try RemoteSession(client: try DaemonClient(url: url), options: options, authToken: token)
        converse(session, MessageRenderer(style: context.style, interviewer: session.interviewer, reveal: reveal), context)
    }

    private func converse(_ session: any InterviewDriver, _ renderer: MessageRenderer, _ context: CommandContext) {
        let write: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            let history = XDGPaths(environment: context.environment).stateHome + "/rehearse/history"
            let reader = ReadlineReader(historyFile: history, completions: SessionCommand.spellings)
            var repl = InterviewREPL(session: session, reader: reader, renderer: renderer, interactive: true, write: write)
            repl.run()
        } else {
            var repl = InterviewREPL(session: session, reader: StandardInputReader(), renderer: renderer, interactive: false, write: write)
            repl.run()
        }
    }
}
