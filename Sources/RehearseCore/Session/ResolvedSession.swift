/// A ``SessionPlan`` made concrete: everything an `InterviewSession` needs but its scorer,
/// clock and transcript.
public struct ResolvedSession: Sendable {
    /// The scenario practised.
    public var scenario: Scenario
    /// The questions to draw from, filters applied; never empty.
    public var pool: [Question]
    /// How the session runs.
    public var options: SessionOptions

    /// Creates a resolved session.
    public init(scenario: Scenario, pool: [Question], options: SessionOptions) {
        self.scenario = scenario
        self.pool = pool
        self.options = options
    }
}
