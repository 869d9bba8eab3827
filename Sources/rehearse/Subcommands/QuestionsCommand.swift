import ArgumentParser
import RehearseCore
import RehearseTerminal

struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List the questions of the loaded banks.",
        discussion: """
            Filters combine: --topic django --tag orm lists Django ORM questions. Repeat a filter \
            to allow several values (--difficulty easy --difficulty medium).
            """
    )

    @OptionGroup var filters: FilterOptions
    @Option(help: ArgumentHelp("Only the questions this scenario draws from.", valueName: "id"))
    var scenario: String?
    @Flag(help: "Print one JSON array of question objects, with the bank format's key names.")
    var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let report = try QuestionsReport(catalog: try context.catalog(), scenario: scenario, filter: filters.filter)
        if json { return try context.printJSON(report) }
        print(QuestionsView(report, style: context.style, width: context.width).render())
    }
}
