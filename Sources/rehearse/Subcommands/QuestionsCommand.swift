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

    @Option(help: ArgumentHelp("Only questions of this topic (e.g. django, flask, fastapi).", valueName: "topic"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("Only questions with this tag (e.g. orm, security).", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only questions of this difficulty: easy, medium or hard.", valueName: "level"))
    var difficulty: [String] = []

    @Option(help: ArgumentHelp("Only the questions this scenario draws from.", valueName: "id"))
    var scenario: String?

    @Flag(help: "Print one JSON array of question objects, with the bank format's key names.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for level in difficulty where Difficulty(rawValue: level) == nil {
            throw ValidationError("unknown difficulty \"\(level)\" (expected easy, medium or hard)")
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let catalog = try context.catalog()
        var pool = catalog.questions
        if let scenario {
            guard let found = catalog.scenario(id: scenario) else {
                throw CoreError.unknownScenario(scenario, known: catalog.scenarios.map(\.id))
            }
            pool = catalog.pool(for: found)
        }
        let filter = QuestionFilter(topics: topic, tags: tag, difficulties: difficulty.compactMap(Difficulty.init(rawValue:)))
        let questions = filter.apply(pool)
        if json { return try context.printJSON(questions.map(QuestionRecord.init)) }
        guard !questions.isEmpty else {
            print("No questions match. Topics: \(catalog.topics.joined(separator: ", ")). Tags: \(catalog.tags.joined(separator: ", ")).")
            return
        }
        var table = TextTable(headers: ["ID", "TOPIC", "LEVEL", "PROMPT"])
        for question in questions {
            table.append([question.id, question.topic, question.difficulty.rawValue, question.prompt])
        }
        print(table.render(style: context.style, width: context.width))
        print(context.style.dim("\n\(questions.count) question\(questions.count == 1 ? "" : "s")"))
    }
}
