import ArgumentParser
import RehearseCore
import RehearseTerminal

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the scenarios you can practise.",
        discussion: "The default scenario (practice.scenario in the config) is marked with *."
    )

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let catalog = try context.catalog()
        let records = catalog.scenarios.map {
            ScenarioSummary($0, in: catalog, defaultCount: context.config.questionCount, defaultScenario: context.config.defaultScenario)
        }
        if json { return try context.printJSON(records) }
        guard !records.isEmpty else {
            print("No scenarios found. Write one as described in docs/scenario-format.md.")
            return
        }
        var table = TextTable(headers: ["ID", "QUESTIONS", "TOPICS", "TITLE"])
        for record in records {
            let id = record.isDefault ? record.id + " *" : record.id
            table.append([id, "\(record.count) of \(record.questions)", record.topics.joined(separator: ", "), record.title])
        }
        print(table.render(style: context.style, width: context.width))
        print(context.style.dim("\n* default (practice.scenario). See a scenario's questions with: rehearse questions --scenario ID"))
    }
}
