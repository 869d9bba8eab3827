import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past sessions, newest first.",
        discussion: "The number in the first column names a session for `rehearse replay N`."
    )

    @OptionGroup var transcripts: TranscriptOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        let number: Int
        let path: String
        let startedAt: String?
        let scenario: String
        let questions: Int
        let answered: Int
        let overall: Double
        let durationSeconds: Double?
        let finished: Bool

        enum CodingKeys: String, CodingKey {
            case number, path, scenario, questions, answered, overall, finished
            case startedAt = "started_at"
            case durationSeconds = "duration_seconds"
        }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let sessions = context.sessions()
        let records = sessions.enumerated().map { index, log in
            Record(
                number: index + 1, path: log.path, startedAt: log.start?.time, scenario: log.scenario,
                questions: log.questions.count, answered: log.answered, overall: (log.overall * 10).rounded() / 10,
                durationSeconds: log.duration.map { ($0 * 10).rounded() / 10 }, finished: log.end != nil)
        }
        if json { return try context.printJSON(records) }
        guard !records.isEmpty else {
            print("No sessions yet in \(context.config.transcriptsFolder). Start one with: rehearse practice")
            return
        }
        var table = TextTable(headers: ["#", "DATE", "SCENARIO", "ANSWERED", "SCORE", "DURATION"])
        for (record, log) in zip(records, sessions) {
            table.append([
                String(record.number), log.startedAt.map(SessionReplayView.dateText) ?? "?", SafeText.clean(record.scenario),
                "\(record.answered)/\(record.questions)", DisplayFormat.score(record.overall) + (record.finished ? "" : " (unfinished)"),
                record.durationSeconds.map(DisplayFormat.minutes) ?? "—",
            ])
        }
        print(table.render(style: context.style, width: context.width))
    }
}
