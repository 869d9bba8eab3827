import ArgumentParser
import RehearseCore
import RehearseTerminal

struct DueCommand: AsyncParsableCommand {
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
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let report = try DueReport(sessions: await context.sessions())
        if json { return try context.printJSON(report) }
        print(DueView(report, style: context.style, width: context.width).render())
    }
}
