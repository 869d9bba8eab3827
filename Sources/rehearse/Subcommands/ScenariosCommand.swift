import ArgumentParser
import RehearseCore
import RehearseTerminal

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the scenarios you can practise.",
        discussion: "The default scenario (practice.scenario in the config) is marked with *."
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let report = ScenariosReport(catalog: try context.catalog(), config: context.config)
        if json { return try context.printJSON(report) }
        print(ScenariosView(report, style: context.style, width: context.width).render())
    }
}
