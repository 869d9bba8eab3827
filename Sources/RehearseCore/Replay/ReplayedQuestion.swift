import Foundation

/// One question of a past session, put back together from its transcript lines.
public struct ReplayedQuestion: Sendable {
    /// The bank id.
    public let id: String
    /// Its place in the session.
    public let number: Int
    /// The prompt as it was asked.
    public let prompt: String
    /// The topic.
    public let topic: String
    /// The difficulty, as written.
    public let difficulty: String
    /// The content fingerprint at the time, to tell whether the question changed since.
    public let questionHash: String?
    /// When it was asked.
    public let askedAt: Date?
    /// Hints taken, in order.
    public var hints: [String] = []
    /// The first answer.
    public var answer: ReplayedAnswer?
    /// The follow-up question, if one was asked.
    public var followUp: String?
    /// The answer to the follow-up.
    public var followUpAnswer: ReplayedAnswer?
    /// The score line of the first answer.
    public var score: TranscriptRecord?
    /// The score line after the follow-up.
    public var followUpScore: TranscriptRecord?
    /// Whether it was skipped.
    public var skipped = false
    /// Reviewers' grades of its answers, oldest first.
    public var reviews: [AnswerReview] = []

    /// The score that counted: after the follow-up if there was one.
    public var finalScore: Double? { (followUpScore ?? score)?.finalScore }

    /// Creates a question from its `question` line.
    init(_ record: TranscriptRecord, askedAt: Date?) {
        id = record.questionID ?? "?"
        number = record.number ?? 0
        prompt = record.prompt ?? ""
        topic = record.topic ?? ""
        difficulty = record.difficulty ?? ""
        questionHash = record.questionHash
        self.askedAt = askedAt
    }
}
