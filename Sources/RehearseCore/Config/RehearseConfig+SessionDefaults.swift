extension RehearseConfig {
    /// The session defaults this configuration sets (`practice.*` keys).
    public var sessionDefaults: SessionDefaults {
        SessionDefaults(scenario: defaultScenario, questionCount: questionCount, followUp: followUp, hintPenalty: hintPenalty)
    }
}
