/// What `POST /v1/review/sessions/{id}/grades` returns (201): the grade as recorded and the
/// session's reviewed score recomputed with it.
public struct GradeCreated: Codable, Sendable, Equatable, APISchema {
    public var sessionID: String
    public var questionID: String
    public var attempt: Int
    public var grade: ReviewGrade
    /// The session's score with reviewers' grades in place of the scorer's where given.
    public var reviewedScore: Double
    /// How many of the session's answers now have a reviewer's grade.
    public var reviewed: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case attempt, grade, reviewed
        case sessionID = "session_id"
        case questionID = "question_id"
        case reviewedScore = "reviewed_score"
    }

    public static let schemaName = "GradeCreated"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a reply.
    public init(sessionID: String, questionID: String, attempt: Int, grade: ReviewGrade, reviewedScore: Double, reviewed: Int) {
        self.sessionID = sessionID
        self.questionID = questionID
        self.attempt = attempt
        self.grade = grade
        self.reviewedScore = reviewedScore
        self.reviewed = reviewed
    }
}
