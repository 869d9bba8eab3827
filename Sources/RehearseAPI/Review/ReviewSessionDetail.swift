/// What `GET /v1/review/sessions/{id}` returns: the whole dialogue with evidence and grades.
public struct ReviewSessionDetail: Codable, Sendable, Equatable, APISchema {
    public var session: ReviewSessionSummary
    /// The transcript's file name.
    public var transcript: String
    public var questions: [ReviewQuestion]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case session, transcript, questions
    }

    public static let schemaName = "ReviewSessionDetail"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a detail.
    public init(session: ReviewSessionSummary, transcript: String, questions: [ReviewQuestion]) {
        self.session = session
        self.transcript = transcript
        self.questions = questions
    }
}
