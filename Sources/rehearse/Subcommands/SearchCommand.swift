import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find past answers that use these words.",
        discussion: "Words are compared by stem, as the scorer compares them: \"migrations\" finds \"migrate\"."
    )

    @Argument(help: ArgumentHelp("Words every matching answer must use.", valueName: "text"))
    var text: [String]

    @OptionGroup var transcripts: TranscriptOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        let session: String
        let startedAt: String?
        let questionID: String
        let answer: String
        let followUp: Bool
        let score: Double?

        enum CodingKeys: String, CodingKey {
            case session, answer, score
            case startedAt = "started_at"
            case questionID = "question_id"
            case followUp = "follow_up"
        }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let query = text.joined(separator: " ")
        guard let search = AnswerSearch(query) else {
            throw ValidationError("\"\(query)\" has no word to search for (only stopwords or punctuation)")
        }
        let sessions = context.sessions()
        let hits = search.hits(in: sessions)
        if json {
            return try context.printJSON(hits.map {
                Record(session: $0.session.path, startedAt: $0.session.start?.time, questionID: $0.question.id, answer: $0.text,
                       followUp: $0.isFollowUp, score: $0.question.finalScore)
            })
        }
        guard !hits.isEmpty else {
            print("No answer uses \(query.split(separator: " ").count == 1 ? "that word" : "all of those words").")
            return
        }
        var table = TextTable(headers: ["DATE", "QUESTION", "SCORE", "ANSWER"])
        for hit in hits {
            let flat = SafeText.clean(hit.text).split(whereSeparator: \.isNewline).joined(separator: " ")
            table.append([hit.session.startedAt.map(SessionReplayView.dateText) ?? "?", SafeText.clean(hit.question.id) + (hit.isFollowUp ? " (follow-up)" : ""),
                          hit.question.finalScore.map(DisplayFormat.score) ?? "—", flat])
        }
        print(table.render(style: context.style, width: context.width))
        print(context.style.dim("\n\(hits.count) answer\(hits.count == 1 ? "" : "s")"))
    }
}
