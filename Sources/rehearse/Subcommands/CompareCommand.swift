import ArgumentParser
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
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try transcripts.context(global)
        let report = CompareReport(questionID: questionID, sessions: context.sessions())
        if json { return try context.printJSON(report) }
        print(CompareView(report, style: context.style, width: context.width).render())
    }
}
