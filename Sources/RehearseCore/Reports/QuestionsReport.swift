/// The questions of the loaded banks that pass a filter, optionally only those a scenario
/// draws from.
public struct QuestionsReport: JSONReport, Sendable {
    /// The questions, in bank order.
    public let questions: [Question]
    /// Every topic of the catalog, to suggest when nothing matches.
    public let topics: [String]
    /// Every tag of the catalog, to suggest when nothing matches.
    public let tags: [String]

    /// The questions of `catalog` (of scenario `scenario`'s pool, when given) that `filter` admits.
    /// - Throws: ``CoreError/unknownScenario(_:known:)`` when no scenario has that id.
    public init(catalog: Catalog, scenario: String?, filter: QuestionFilter) throws {
        var pool = catalog.questions
        if let scenario {
            guard let found = catalog.scenario(id: scenario) else {
                throw CoreError.unknownScenario(scenario, known: catalog.scenarios.map(\.id))
            }
            pool = catalog.pool(for: found)
        }
        questions = filter.apply(pool)
        topics = catalog.topics
        tags = catalog.tags
    }

    /// A JSON array of question objects with the bank format's key names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(questions.map(QuestionRecord.init))
    }
}
