import ArgumentParser
import RehearseCore
import RehearseTerminal

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past sessions, newest first.",
        discussion: """
            The number in the first column names a session for `rehearse replay N`. Sessions held \
            by a daemon show the candidate's name, and ✓N with the reviewed score once reviewers \
            have graded N of its answers.
            """
    )

    @OptionGroup var transcripts: TranscriptOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Also list sessions ended before any answer.") var all = false
    @Option(help: ArgumentHelp("Only sessions of this candidate (part of the name, in any case).", valueName: "name"))
    var candidate: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let report = try HistoryReport(summaries: await context.summaries(), folder: context.sessionsPlace, includeEmpty: all, candidate: candidate)
        if json { return try context.printJSON(report) }
        print(HistoryView(report, style: context.style, width: context.width).render())
    }
}
