/// The effective configuration: every setting's value after all layers are applied.
public struct RehearseConfig: Sendable {
    /// Every setting, in display order.
    public let entries: [ConfigEntry]
    /// The user configuration file that was consulted, and whether it existed.
    public let userFile: (path: String, exists: Bool)

    /// Creates a configuration from resolved entries.
    public init(entries: [ConfigEntry], userFile: (path: String, exists: Bool)) {
        self.entries = entries
        self.userFile = userFile
    }

    /// The entry for `key`.
    public func entry(_ key: String) -> ConfigEntry? { entries.first { $0.setting.key == key } }

    private func value(_ key: String) -> ConfigValue? { entry(key)?.value }

    private func text(_ key: String) -> String? {
        if case .text(let text)? = value(key) { return text }
        return nil
    }

    private func int(_ key: String) -> Int {
        if case .int(let number)? = value(key) { return number }
        preconditionFailure("setting \(key) is not an integer")
    }

    private func double(_ key: String) -> Double {
        if case .double(let number)? = value(key) { return number }
        preconditionFailure("setting \(key) is not a number")
    }

    /// The scenario practised when none is named.
    public var defaultScenario: String { text("practice.scenario") ?? SessionDefaults.builtinScenario }
    /// Questions per session when the scenario does not say.
    public var questionCount: Int { int("practice.count") }
    /// Whether follow-up questions are asked.
    public var followUp: Bool {
        if case .bool(let flag)? = value("practice.follow_up") { return flag }
        return true
    }
    /// Points each hint takes off a question's maximum.
    public var hintPenalty: Int { int("practice.hint_penalty") }
    /// The candidate's display name (`candidate`), unchecked: `practice` checks it.
    public var candidate: String? { text("candidate").flatMap { $0.isEmpty ? nil : $0 } }
    /// Whether the daemon learns from reviewers' grades (`scorer.learn_from_reviews`).
    public var learnFromReviews: Bool {
        if case .bool(let flag)? = value("scorer.learn_from_reviews") { return flag }
        return true
    }
    /// The most characters of an answer that are scored (0: no limit).
    public var maxAnswerCharacters: Int { int("scorer.max_answer_chars") }
    /// A folder replacing the built-in scenarios, if any.
    public var scenariosFolder: String? { text("scenarios") }
    /// Where transcripts go.
    public var transcriptsFolder: String { text("transcripts.folder") ?? "." }

    /// Where sessions are kept, as written (`files:DIR` or `postgres://…`); `nil`: the
    /// transcripts folder.
    public var store: String? { text("store") }
    /// When to colour output.
    public var color: ColorMode { text("output.color").flatMap(ColorMode.init(rawValue:)) ?? .auto }
    /// Lowest strong score.
    public var strongThreshold: Int { int("bands.strong") }
    /// Lowest partial score.
    public var partialThreshold: Int { int("bands.partial") }
    /// Share of the score from concepts.
    public var conceptWeight: Double { double("scorer.concept_weight") }
    /// Share of the score from reference overlap.
    public var overlapWeight: Double { double("scorer.overlap_weight") }

    /// How fast coverage saturates.
    public var saturation: Double { double("scorer.saturation") }
    /// How far graded samples can move a score.
    public var sampleWeight: Double { double("scorer.sample_weight") }
    /// How many of the most similar samples count.
    public var sampleNeighbours: Int { int("scorer.sample_neighbours") }
    /// Samples it takes for their grade to count half its weight.
    public var samplePrior: Double { double("scorer.sample_prior") }
    /// Similarity at which the nearest sample counts fully.
    public var sampleCloseness: Double { double("scorer.sample_closeness") }
    /// Similarity to a good answer below which a score is scaled down.
    public var sampleRelevance: Double { double("scorer.sample_relevance") }

    /// Where scenarios are loaded from.
    public var scenarioSource: ScenarioSource {
        guard let folder = scenariosFolder else { return .builtin }
        if case .bool(true)? = entry("with_builtin")?.value { return .builtinAndPaths([folder]) }
        return .paths([folder])
    }
}
