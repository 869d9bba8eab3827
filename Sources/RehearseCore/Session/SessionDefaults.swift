/// What a session gets where neither the command line, the request nor the scenario says:
/// the configured defaults, shared by `practice`, `practice --server` and the daemon.
public struct SessionDefaults: Sendable, Equatable {
    /// The built-in default scenario's id, the one place it is written.
    public static let builtinScenario = "python-web"

    /// The built-in defaults, before any configuration.
    public static let builtin = SessionDefaults(scenario: builtinScenario)

    /// The scenario practised when none is named.
    public var scenario: String
    /// Questions per session when neither the plan nor the scenario says.
    public var questionCount: Int
    /// Whether follow-ups are asked unless the plan says otherwise.
    public var followUp: Bool
    /// Points each hint takes off the most a question can score.
    public var hintPenalty: Int

    /// Creates defaults.
    public init(scenario: String, questionCount: Int = 5, followUp: Bool = true, hintPenalty: Int = 20) {
        self.scenario = scenario
        self.questionCount = questionCount
        self.followUp = followUp
        self.hintPenalty = hintPenalty
    }
}
