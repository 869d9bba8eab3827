/// One question of a session under review.
public struct ReviewQuestion: Codable, Sendable, Equatable, APISchema {
    public var questionID: String
    /// Its place in the session, from 1.
    public var number: Int
    public var prompt: String
    public var topic: String
    public var difficulty: String
    public var skipped: Bool
    /// The hints taken, in order.
    public var hints: [String]
    /// The follow-up asked, if any.
    public var followUp: String?
    /// The scorer's final grade of the question.
    public var score: Double?
    /// The reviewers' grade that counts for it: the latest of its last reviewed answer.
    public var reviewedScore: Double?
    /// Its answers, first answer then follow-up.
    public var attempts: [ReviewAttempt]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case number, prompt, topic, difficulty, skipped, hints, score, attempts
        case questionID = "question_id"
        case followUp = "follow_up"
        case reviewedScore = "reviewed_score"
    }

    public static let schemaName = "ReviewQuestion"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a question.
    public init(
        questionID: String, number: Int, prompt: String, topic: String, difficulty: String, skipped: Bool, hints: [String],
        followUp: String?, score: Double?, reviewedScore: Double?, attempts: [ReviewAttempt]
    ) {
        self.questionID = questionID
        self.number = number
        self.prompt = prompt
        self.topic = topic
        self.difficulty = difficulty
        self.skipped = skipped
        self.hints = hints
        self.followUp = followUp
        self.score = score
        self.reviewedScore = reviewedScore
        self.attempts = attempts
    }
}
