import RehearseCore

/// A scenario as `GET /v1/scenarios` lists it.
struct WireScenario: Encodable, Sendable {
    var id: String
    var title: String
    var description: String
    var interviewer: String
    var count: Int
    var questions: Int
    var topics: [String]
    var timeLimit: Int?
    var isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, description, interviewer, count, questions, topics
        case timeLimit = "time_limit"
        case isDefault = "default"
    }

    init(_ scenario: Scenario, catalog: Catalog, settings: HubSettings) {
        let pool = catalog.pool(for: scenario)
        id = scenario.id
        title = scenario.title
        description = scenario.description
        interviewer = scenario.interviewer.name
        count = min(scenario.count ?? settings.questionCount, pool.count)
        questions = pool.count
        topics = Array(Set(pool.map(\.topic))).sorted()
        timeLimit = scenario.timeLimit
        isDefault = scenario.id == settings.defaultScenario
    }
}
