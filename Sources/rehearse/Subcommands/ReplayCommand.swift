import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a past session as dialogue.",
        discussion: """
            SESSION is latest (the default), a number from `rehearse history` (1 is the newest), \
            or a transcript's path. With --pace realtime the dialogue comes at the pace you \
            answered (pauses over --idle-limit seconds shortened to it); on a terminal any key \
            skips ahead.
            """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json
    }

    enum Pace: String, ExpressibleByArgument, CaseIterable {
        case instant, realtime
        case double = "2x"
    }

    @Argument(help: ArgumentHelp("latest, a number from `rehearse history`, or a path.", valueName: "session"))
    var session = "latest"

    @Option(help: ArgumentHelp("instant, realtime or 2x.", valueName: "pace"))
    var pace: Pace = .instant

    @Option(help: ArgumentHelp("With --pace realtime or 2x, the longest pause in seconds.", valueName: "seconds"))
    var idleLimit: Double = 2

    @Option(help: ArgumentHelp("Show only question N of the session.", valueName: "n"))
    var question: Int?

    @Option(help: ArgumentHelp("Export instead of showing: markdown, html (one standalone page) or json.", valueName: "format"))
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the export to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Grade every answer again with today's bank and scorer: old → new, and the concepts gained or lost.")
    var rescore = false

    @OptionGroup var transcripts: TranscriptOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let question, question < 1 { throw ValidationError("--question counts from 1, got \(question)") }
        if idleLimit < 0 { throw ValidationError("--idle-limit must be 0 or more, got \(idleLimit)") }
        if output != nil, format == nil { throw ValidationError("-o needs --format markdown, html or json") }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let path = try context.library.resolve(session)
        let log = try TranscriptReader.read(path)
        context.warn(log.warnings)
        if let question, !log.questions.contains(where: { $0.number == question }) {
            throw CoreError.transcript("the session has no question \(question) (it asked \(log.questions.count))")
        }
        if rescore { return try printRescore(log, context: context) }
        if let format {
            let document = try SessionExport.render(log, as: SessionExport.Format(rawValue: format.rawValue)!)
            guard let output else { return FileHandle.standardOutput.write(Data(document.utf8)) }
            do {
                try document.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CoreError.unwritable(path: output, reason: "check that its folder exists and is writable")
            }
            return
        }
        let frames = SessionReplayView(log, style: context.style).frames(only: question)
        let speed: Double? = switch pace {
        case .instant: nil
        case .realtime: 1
        case .double: 2
        }
        let waiter = speed == nil ? nil : KeyWaiter()
        defer { waiter?.restore() }
        var previous: Date?
        for frame in frames {
            if let speed, let waiter, let time = frame.time {
                if let previous { waiter.wait(min(idleLimit, max(0, time.timeIntervalSince(previous))) / speed) }
                previous = time
            }
            FileHandle.standardOutput.write(Data(frame.text.utf8))
        }
    }

    private func printRescore(_ log: SessionLog, context: CommandContext) throws {
        let config = context.config
        let rescored = Rescorer(catalog: try context.catalog(), settings: config.scorerSettings, hintPenalty: config.hintPenalty)
            .rescore(log).filter { question == nil || $0.number == question }
        context.warn(rescored.compactMap(\.warning))
        guard !rescored.isEmpty else {
            print("The session has no answers to score again.")
            return
        }
        var table = TextTable(headers: ["#", "QUESTION", "THEN", "NOW", "GAINED", "LOST"])
        for item in rescored {
            let now = item.new.map(DisplayFormat.score) ?? "gone"
            table.append([
                String(item.number), SafeText.clean(item.id), item.old.map(DisplayFormat.score) ?? "—", now,
                item.gained.map { "+" + SafeText.clean($0) }.joined(separator: ", "), item.lost.map { "−" + SafeText.clean($0) }.joined(separator: ", "),
            ])
        }
        print(SessionReplayView(log, style: context.style).header())
        print(table.render(style: context.style, width: context.width))
    }
}
