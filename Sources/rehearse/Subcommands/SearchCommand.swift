import ArgumentParser
import RehearseCore
import RehearseTerminal

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find past answers that use these words.",
        discussion: "Words are compared by stem, as the scorer compares them: \"migrations\" finds \"migrate\"."
    )

    @Argument(help: ArgumentHelp("Words every matching answer must use.", valueName: "text"))
    var text: [String]
    @OptionGroup var transcripts: TranscriptOptions
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let query = text.joined(separator: " ")
        guard let search = AnswerSearch(query) else {
            throw ValidationError("\"\(query)\" has no word to search for (only stopwords or punctuation)")
        }
        let report = try SearchReport(query: query, search: search, sessions: await context.sessions())
        if json { return try context.printJSON(report) }
        print(SearchView(report, style: context.style, width: context.width).render())
    }
}
