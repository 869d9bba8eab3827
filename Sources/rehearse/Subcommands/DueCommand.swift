import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What is due for review, and when the rest is.",
        discussion: """
            Every question you answered is scheduled with SM-2, graded by its score (no \
            self-grading). `rehearse practice --review` asks the due ones, most overdue and \
            weakest first.
            """
    )

    @OptionGroup var transcripts: TranscriptOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        let questionID: String
        let lastScore: Double
        let attempts: Int
        let due: String
        let dueNow: Bool

        enum CodingKeys: String, CodingKey {
            case attempts, due
            case questionID = "question_id"
            case lastScore = "last_score"
            case dueNow = "due_now"
        }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let sessions = context.sessions()
        let now = Date()
        let items = ReviewSchedule.items(from: sessions)
        let due = ReviewSchedule.due(items, at: now)
        let upcoming = items.filter { $0.due > now }.sorted { $0.due < $1.due }
        if json {
            return try context.printJSON((due + upcoming).map {
                Record(questionID: $0.questionID, lastScore: $0.lastScore, attempts: $0.attempts,
                       due: TranscriptRecord.timestamp($0.due), dueNow: $0.due <= now)
            })
        }
        guard !items.isEmpty else {
            print("Nothing scheduled yet: answer some questions with `rehearse practice` first.")
            return
        }
        print(context.style.bold(due.isEmpty ? "Nothing is due now." : "\(due.count) due now") + (due.isEmpty ? "" : " — practise them with: rehearse practice --review"))
        var table = TextTable(headers: ["QUESTION", "LAST SCORE", "ATTEMPTS", "DUE"])
        for item in (due + upcoming).prefix(25) {
            let days = item.overdueDays(at: now)
            let when = days > 0 ? "overdue \(days) day\(days == 1 ? "" : "s")" : item.due <= now ? "now" : SessionReplayView.dateText(item.due)
            table.append([SafeText.clean(item.questionID), DisplayFormat.score(item.lastScore), String(item.attempts), when])
        }
        print(table.render(style: context.style, width: context.width))
    }
}
