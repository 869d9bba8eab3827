/// Where a daemon's session stands: what `GET /v1/sessions/{id}` returns, and what every input
/// response carries so a client knows what to prompt for.
public struct WireSessionState: Codable, Sendable, Equatable, APISchema {
    public var id: String
    public var scenario: String
    /// The interviewer's name, for a client that resumes without the greeting.
    public var interviewer: String?
    /// What the client prompts for next.
    public var status: SessionStatus
    /// The question being answered, if any.
    public var question: WireQuestion?
    /// Questions the session will ask.
    public var total: Int
    /// Seconds left on the current question, negative when over; absent without a limit.
    public var secondsLeft: Int?
    /// ISO 8601 times of the start and of the last input.
    public var startedAt: String
    public var lastActivity: String
    /// Why it ended, once finished.
    public var endReason: EndReason?
    /// The transcript's file name.
    public var transcript: String
    /// Once finished, the closing message with the report, for a client that missed it.
    public var closing: WireMessage?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, scenario, interviewer, status, question, total, transcript, closing
        case secondsLeft = "seconds_left"
        case startedAt = "started_at"
        case lastActivity = "last_activity"
        case endReason = "end_reason"
    }

    public static let schemaName = "SessionState"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a state.
    public init(
        id: String, scenario: String, interviewer: String? = nil, status: SessionStatus, question: WireQuestion?, total: Int, secondsLeft: Int?,
        startedAt: String, lastActivity: String, endReason: EndReason?, transcript: String, closing: WireMessage? = nil
    ) {
        self.id = id
        self.scenario = scenario
        self.interviewer = interviewer
        self.status = status
        self.question = question
        self.total = total
        self.secondsLeft = secondsLeft
        self.startedAt = startedAt
        self.lastActivity = lastActivity
        self.endReason = endReason
        self.transcript = transcript
        self.closing = closing
    }
}
