/// A session as the reviewers' list shows it.
public struct ReviewSessionSummary: Codable, Sendable, Equatable, APISchema {
    public var id: String
    /// The name the candidate gave, if any.
    public var candidate: String?
    public var scenario: String
    /// `live` or `ended`.
    public var status: String
    /// ISO 8601.
    public var startedAt: String
    public var endedAt: String?
    public var endReason: String?
    /// Questions asked, and how many of them were answered.
    public var questions: Int
    public var answered: Int
    /// The scorer's overall grade: the mean final score, skipped questions counting 0.
    public var score: Double
    /// The same mean with each reviewed question's reviewers' grade in place of the
    /// scorer's; absent until a grade is given.
    public var reviewedScore: Double?
    /// How many answers have a reviewer's grade.
    public var reviewed: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, candidate, scenario, status, questions, answered, score, reviewed
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case endReason = "end_reason"
        case reviewedScore = "reviewed_score"
    }

    public static let schemaName = "ReviewSession"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a summary.
    public init(
        id: String, candidate: String?, scenario: String, status: String, startedAt: String, endedAt: String?, endReason: String?,
        questions: Int, answered: Int, score: Double, reviewedScore: Double?, reviewed: Int
    ) {
        self.id = id
        self.candidate = candidate
        self.scenario = scenario
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
        self.questions = questions
        self.answered = answered
        self.score = score
        self.reviewedScore = reviewedScore
        self.reviewed = reviewed
    }
}
