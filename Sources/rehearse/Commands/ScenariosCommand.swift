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

    struct Record: Encodable {
        let id: String
        let title: String
        let description: String
        let questions: Int
        let topics: [String]
        let count: Int
        let startDifficulty: String
        let adaptive: Bool
        let timeLimit: Int?
        let isDefault: Bool

        enum CodingKeys: String, CodingKey {
            case id, title, description, questions, topics, count, adaptive
            case startDifficulty = "start_difficulty"
            case timeLimit = "time_limit"
            case isDefault = "default"
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let catalog = try context.catalog()
        let records = catalog.scenarios.map { scenario in
            let pool = catalog.pool(for: scenario)
            return Record(
                id: scenario.id, title: scenario.title, description: scenario.description,
                questions: pool.count, topics: Set(pool.map(\.topic)).sorted(),
                count: scenario.count ?? context.config.questionCount,
                startDifficulty: scenario.startDifficulty.rawValue, adaptive: scenario.adaptive,
                timeLimit: scenario.timeLimit, isDefault: scenario.id == context.config.defaultScenario)
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
