/// What a session was asked to be — by `practice` flags or a `POST /v1/sessions` body — before
/// the catalog and the defaults fill in the rest. `resolve` is the one place that turns it into
/// the scenario, the question pool and the engine's options, for local and daemon sessions alike.
public struct SessionPlan: Sendable, Equatable {
    /// The scenario id; the default scenario when `nil`.
    public var scenario: String?
    /// Topic, tag and difficulty filters on top of the scenario's draw.
    public var filter: QuestionFilter
    /// How many questions; the scenario's count (or the whole pool, in order) when `nil`.
    public var count: Int?
    /// The question order's seed; a fresh random one when `nil`.
    public var seed: UInt64?
    /// Whether follow-ups are asked; the defaults' when `nil`.
    public var followUp: Bool?
    /// Seconds per question; the scenario's limit when `nil`.
    public var timeLimit: Int?
    /// Whether each reference answer is shown right after the answer.
    public var reveal: Bool
    /// Ask the pool in its order (a review session) instead of drawing at random.
    public var inOrder: Bool
    /// The candidate's display name, recorded in the transcript.
    public var candidate: String?

    /// Creates a plan; `nil` leaves a choice to the scenario or the defaults.
    public init(
        scenario: String? = nil, filter: QuestionFilter = QuestionFilter(), count: Int? = nil, seed: UInt64? = nil,
        followUp: Bool? = nil, timeLimit: Int? = nil, reveal: Bool = false, inOrder: Bool = false, candidate: String? = nil
    ) {
        self.scenario = scenario
        self.filter = filter
        self.count = count
        self.seed = seed
        self.followUp = followUp
        self.timeLimit = timeLimit
        self.reveal = reveal
        self.inOrder = inOrder
        self.candidate = candidate
    }

    /// The scenario the plan names, or the default one.
    public func scenario(in catalog: Catalog, defaults: SessionDefaults) throws(CoreError) -> Scenario {
        let id = scenario ?? defaults.scenario
        guard let found = catalog.scenario(id: id) else {
            throw .unknownScenario(id, known: catalog.scenarios.map(\.id))
        }
        return found
    }

    /// The scenario, the filtered pool and the engine's options. `pool` gives the questions to
    /// draw from (the scenario's by default; a daemon passes its cached draw, a review session
    /// the questions due). Throws `unknownScenario` or `noMatchingQuestions`.
    public func resolve(
        in catalog: Catalog, defaults: SessionDefaults, pool: ((Scenario) -> [Question])? = nil
    ) throws(CoreError) -> ResolvedSession {
        let chosen = try scenario(in: catalog, defaults: defaults)
        let questions = filter.apply(pool?(chosen) ?? catalog.pool(for: chosen))
        guard !questions.isEmpty else { throw .noMatchingQuestions(scenario: chosen.id) }
        let wanted = count ?? (inOrder ? questions.count : nil) ?? chosen.count ?? defaults.questionCount
        // More than the pool would repeat questions: ask each once, and say so.
        let notice =
            wanted > questions.count
            ? "\(chosen.id) has \(questions.count) question\(questions.count == 1 ? "" : "s") to ask\(filter == QuestionFilter() ? "" : " with these filters"), not \(wanted): asking \(questions.count)."
            : nil
        let options = SessionOptions(
            filter: filter, count: min(wanted, questions.count),
            // A chosen seed makes the session reproducible, so it ignores past sessions.
            seed: seed ?? UInt64.random(in: 0...UInt64.max), seedIsFixed: seed != nil,
            followUp: followUp ?? defaults.followUp, timeLimit: timeLimit ?? chosen.timeLimit, reveal: reveal,
            hintPenalty: defaults.hintPenalty, inOrder: inOrder, candidate: candidate)
        return ResolvedSession(scenario: chosen, pool: questions, options: options, notice: notice)
    }
}
