/// A ``SessionPlan`` made concrete: everything an `InterviewSession` needs but its scorer,
/// clock and transcript.
public struct ResolvedSession: Sendable {
    /// The scenario practised.
    public var scenario: Scenario
    /// The questions to draw from, filters applied; never empty.
    public var pool: [Question]
    /// How the session runs.
    public var options: SessionOptions
    /// Something the person asked for that was changed, to tell them (a count cut to the pool).
    public var notice: String?

    /// Creates a resolved session.
    public init(scenario: Scenario, pool: [Question], options: SessionOptions, notice: String? = nil) {
        self.scenario = scenario
        self.pool = pool
        self.options = options
        self.notice = notice
    }
}
