import ArgumentParser
import RehearseCore
import RehearseTerminal

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Every attempt at one question over time, with the concepts gained and lost.",
        discussion: "Attempts are listed oldest first; `rehearse search` or `rehearse history` help find ids."
    )

    @Argument(help: ArgumentHelp("The question id, e.g. django.csrf.", valueName: "question-id"))
    var questionID: String
    @OptionGroup var transcripts: TranscriptOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let sessions = try await context.sessions()
        let report = CompareReport(questionID: questionID, sessions: sessions)
        if report.attempts.isEmpty {
            // "No attempt yet" is only true of a question that exists: name the one meant.
            let asked = sessions.flatMap { $0.questions.map(\.id) }
            let known = Set(asked + ((try? context.catalog().questions.map(\.id)) ?? []))
            if !known.contains(questionID) {
                throw CoreError.unknownQuestion(questionID, suggestion: Suggestion.closest(to: questionID, among: known.sorted()))
            }
        }
        if json { return try context.printJSON(report) }
        print(CompareView(report, style: context.style, width: context.width).render())
    }
}
