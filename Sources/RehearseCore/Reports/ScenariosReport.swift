/// The scenarios one can practise, with the default marked.
public struct ScenariosReport: JSONReport, Sendable {
    /// One summary per scenario, in catalog order.
    public let scenarios: [ScenarioSummary]

    /// The scenarios of `catalog`; `config` gives the default scenario and question count.
    public init(catalog: Catalog, config: RehearseConfig) {
        scenarios = catalog.scenarios.map {
            ScenarioSummary($0, in: catalog, defaultCount: config.questionCount, defaultScenario: config.defaultScenario)
        }
    }

    /// A JSON array of the summaries.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(scenarios)
    }
}
