import RehearseCore

/// `GET /v1/scenarios`: the scenarios sessions can be started on.
public struct ScenarioList: Encodable, Sendable {
    /// Each scenario, as `rehearse scenarios --json` lists it.
    public var scenarios: [ScenarioSummary]

    /// Creates the list.
    public init(scenarios: [ScenarioSummary]) {
        self.scenarios = scenarios
    }
}
