import RehearseScoring

/// One answer to a question under review: the first answer (attempt 1) or the answer to the
/// follow-up (attempt 2), with what the scorer said of it and every reviewer's grade.
public struct ReviewAttempt: Codable, Sendable, Equatable, APISchema {
    /// 1 for the first answer, 2 for the answer to the follow-up.
    public var attempt: Int
    /// What was asked: the question's prompt, or the follow-up.
    public var asked: String
    /// The answer as typed.
    public var answer: String
    /// The scorer's grade of the question after this answer (`final_score` of its line).
    public var score: Double?
    public var band: String?
    /// Concepts found, each with the words that showed it.
    public var matched: [ConceptMatch]
    /// Concepts not found, most important first.
    public var missed: [MissedConcept]
    public var feedback: String?
    public var overtime: Bool
    /// Every grade given, oldest first: the last one counts.
    public var reviews: [ReviewGrade]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case attempt, asked, answer, score, band, matched, missed, feedback, overtime, reviews
    }

    public static let schemaName = "ReviewAttempt"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates an attempt.
    public init(
        attempt: Int, asked: String, answer: String, score: Double?, band: String?, matched: [ConceptMatch], missed: [MissedConcept],
        feedback: String?, overtime: Bool, reviews: [ReviewGrade]
    ) {
        self.attempt = attempt
        self.asked = asked
        self.answer = answer
        self.score = score
        self.band = band
        self.matched = matched
        self.missed = missed
        self.feedback = feedback
        self.overtime = overtime
        self.reviews = reviews
    }
}
