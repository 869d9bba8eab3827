import RehearseScoring

/// Everything loaded from a set of scenario files: banks and scenarios, ready to draw from.
public struct Catalog: Sendable {
    /// The banks, in load order.
    public var banks: [Bank] {
        didSet { knownCorpus = nil }
    }
    /// The idf corpus of these banks when it came with them (a snapshot), so it is not worked
    /// out again; any change to the banks forgets it.
    var knownCorpus: Corpus?
    /// The scenarios, in load order.
    public var scenarios: [Scenario]

    /// Creates a catalog.
    public init(banks: [Bank] = [], scenarios: [Scenario] = []) {
        self.banks = banks
        self.scenarios = scenarios
    }

    /// Every question of every bank, in load order.
    public var questions: [Question] { banks.flatMap(\.questions) }

    /// The scenario with this id.
    public func scenario(id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// The question with this id.
    public func question(id: String) -> Question? { questions.first { $0.id == id } }

    /// The question with this id, or an error suggesting the closest id.
    public func requireQuestion(id: String) throws -> Question {
        guard let found = question(id: id) else {
            throw CoreError.unknownQuestion(id, suggestion: Suggestion.closest(to: id, among: questions.map(\.id)))
        }
        return found
    }

    /// The questions `scenario` may draw, in load order.
    public func pool(for scenario: Scenario) -> [Question] {
        banks.flatMap { bank in bank.questions.filter { scenario.draw.admits($0, inBank: bank.name) } }
    }

    /// All topics, sorted.
    public var topics: [String] { Set(questions.map(\.topic)).sorted() }

    /// All tags, sorted.
    public var tags: [String] { Set(questions.flatMap(\.tags)).sorted() }
}
