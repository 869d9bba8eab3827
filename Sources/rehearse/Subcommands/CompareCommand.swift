import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Every attempt at one question over time, with the concepts gained and lost.",
        discussion: "Attempts are listed oldest first; `rehearse search` or `rehearse history` help find ids."
    )

    @Argument(help: ArgumentHelp("The question id, e.g. django.csrf.", valueName: "question-id"))
    var questionID: String

    @OptionGroup var transcripts: TranscriptOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Attempt: Encodable {
        let session: String
        let startedAt: String?
        let score: Double?
        let matched: [String]
        let gained: [String]
        let lost: [String]

        enum CodingKeys: String, CodingKey {
            case session, score, matched, gained, lost
            case startedAt = "started_at"
        }
    }

    func run() throws {
        let context = try transcripts.context(global)
        let sessions = context.sessions()
        var attempts: [Attempt] = []
        var previous: Set<String>?
        for session in sessions.reversed() {
            for question in session.questions where question.id == questionID && question.answer != nil {
                let matched = ((question.followUpScore ?? question.score)?.matched ?? []).map(\.concept)
                let now = Set(matched)
                attempts.append(Attempt(
                    session: session.path, startedAt: session.start?.time, score: question.finalScore, matched: matched,
                    gained: previous.map { old in matched.filter { !old.contains($0) } } ?? [],
                    lost: previous.map { $0.subtracting(now).sorted() } ?? []))
                previous = now
            }
        }
        if json { return try context.printJSON(attempts) }
        guard !attempts.isEmpty else {
            print("No answered attempt at \"\(SafeText.clean(questionID))\" yet. Practise it with: rehearse practice --topic \(questionID.split(separator: ".").first ?? "")")
            return
        }
        var table = TextTable(headers: ["DATE", "SCORE", "GAINED", "LOST"])
        for attempt in attempts {
            table.append([
                TranscriptTime.parse(attempt.startedAt).map(SessionReplayView.dateText) ?? "?", attempt.score.map(DisplayFormat.score) ?? "—",
                attempt.gained.map { "+" + SafeText.clean($0) }.joined(separator: ", "), attempt.lost.map { "−" + SafeText.clean($0) }.joined(separator: ", "),
            ])
        }
        print(context.style.bold(SafeText.clean(questionID)) + "  " + Sparkline.render(attempts.compactMap(\.score)))
        print(table.render(style: context.style, width: context.width))
    }
}
