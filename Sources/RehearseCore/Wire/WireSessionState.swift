/// Where a daemon's session stands: what `GET /v1/sessions/{id}` returns, and what every input
/// response carries so a client knows what to prompt for.
public struct WireSessionState: Codable, Sendable, Equatable {
    public var id: String
    public var scenario: String
    /// `answering`, `follow_up` or `finished`.
    public var status: String
    /// The question being answered, if any.
    public var question: WireQuestion?
    /// Questions the session will ask.
    public var total: Int
    /// Seconds left on the current question, negative when over; absent without a limit.
    public var secondsLeft: Int?
    /// ISO 8601 times of the start and of the last input.
    public var startedAt: String
    public var lastActivity: String
    /// Why it ended, once finished: `completed`, `quit`, `deleted`, `idle timeout`, ...
    public var endReason: String?
    /// The transcript's file name.
    public var transcript: String

    enum CodingKeys: String, CodingKey {
        case id, scenario, status, question, total, transcript
        case secondsLeft = "seconds_left"
        case startedAt = "started_at"
        case lastActivity = "last_activity"
        case endReason = "end_reason"
    }

    /// Creates a state.
    public init(
        id: String, scenario: String, status: String, question: WireQuestion?, total: Int, secondsLeft: Int?,
        startedAt: String, lastActivity: String, endReason: String?, transcript: String
    ) {
        self.id = id
        self.scenario = scenario
        self.status = status
        self.question = question
        self.total = total
        self.secondsLeft = secondsLeft
        self.startedAt = startedAt
        self.lastActivity = lastActivity
        self.endReason = endReason
        self.transcript = transcript
    }
}
