/// A scenario as `rehearse scenarios --json` and the daemon's `GET /v1/scenarios` list it.
public struct ScenarioSummary: Encodable, Sendable {
    public let id: String
    public let title: String
    public let description: String
    public let interviewer: String
    /// Questions the scenario can draw from.
    public let questions: Int
    public let topics: [String]
    /// Questions a session asks.
    public let count: Int
    public let startDifficulty: String
    public let adaptive: Bool
    public let timeLimit: Int?
    public let isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, description, interviewer, questions, topics, count, adaptive
        case startDifficulty = "start_difficulty"
        case timeLimit = "time_limit"
        case isDefault = "default"
    }

    /// The summary of `scenario`; `defaultCount` applies when it sets no count.
    public init(_ scenario: Scenario, in catalog: Catalog, defaultCount: Int, defaultScenario: String) {
        let pool = catalog.pool(for: scenario)
        id = scenario.id
        title = scenario.title
        description = scenario.description
        interviewer = scenario.interviewer.name
        questions = pool.count
        topics = Set(pool.map(\.topic)).sorted()
        count = scenario.count ?? defaultCount
        startDifficulty = scenario.startDifficulty.rawValue
        adaptive = scenario.adaptive
        timeLimit = scenario.timeLimit
        isDefault = scenario.id == defaultScenario
    }
}
