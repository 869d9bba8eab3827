import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a past session as dialogue.",
        discussion: """
            SESSION is latest (the default), a number from `rehearse history` (1 is the newest), \
            or a transcript's path (with --store postgres://…, its file name or session id). With --pace realtime the dialogue comes at the pace you \
            answered (pauses over --idle-limit seconds shortened to it); on a terminal any key \
            skips ahead.
            """
    )

    @Argument(help: ArgumentHelp("latest, a number from `rehearse history`, or a path.", valueName: "session"))
    var session = "latest"
    @Option(help: ArgumentHelp("instant, realtime or 2x.", valueName: "pace"))
    var pace: ReplayPace = .instant
    @Option(help: ArgumentHelp("With --pace realtime or 2x, the longest pause in seconds.", valueName: "seconds"))
    var idleLimit: Double = 2
    @Option(help: ArgumentHelp("Show only question N of the session.", valueName: "n"))
    var question: Int?
    @Option(help: ArgumentHelp("Export instead of showing: markdown, html (one standalone page) or json.", valueName: "format"))
    var format: SessionExport.Format?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the export to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(help: "Grade every answer again with today's bank and scorer: old → new, and the concepts gained or lost.")
    var rescore = false
    @OptionGroup var samples: SamplesOption
    @OptionGroup var transcripts: TranscriptOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let question, question < 1 { throw ValidationError("--question counts from 1, got \(question)") }
        if idleLimit < 0 { throw ValidationError("--idle-limit must be 0 or more, got \(idleLimit)") }
        if output != nil, format == nil { throw ValidationError("-o needs --format markdown, html or json") }
        if !samples.files.isEmpty, !rescore { throw ValidationError("--samples grades again, so it needs --rescore") }
    }

    func run() async throws {
        let context = try transcripts.context(global)
        let log = try await context.session(session)
        context.warn(log.warnings)
        if let question, !log.questions.contains(where: { $0.number == question }) {
            throw CoreError.transcript("the session has no question \(question) (it asked \(log.questions.count))")
        }
        if rescore {
            let config = context.config
            let report = RescoreReport(
                log: log, catalog: try context.catalog(samples: samples), settings: config.scorerSettings, hintPenalty: config.hintPenalty,
                only: question)
            context.warn(report.warnings)
            return print(RescoreView(report, style: context.style, width: context.width).render())
        }
        if let format {
            // Today's reference answers, when the banks load: the export teaches as the report does.
            let references = Dictionary(((try? context.catalog().questions) ?? []).map { ($0.id, $0.answer) }) { first, _ in first }
            let document = try SessionExport.render(log, as: format, references: references)
            guard let output else { return FileHandle.standardOutput.write(Data(document.utf8)) }
            return try OutputFile.write(document, to: output)
        }
        ReplayPlayer.play(SessionReplayView(log, style: context.style).frames(only: question), pace: pace, idleLimit: idleLimit)
    }
}
