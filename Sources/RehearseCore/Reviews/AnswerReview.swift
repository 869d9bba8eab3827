import Foundation

/// A reviewer's grade of one answer, read back from a `review` transcript line.
public struct AnswerReview: Sendable, Equatable, Encodable {
    public var questionID: String
    /// 1 for the first answer, 2 for the answer to the follow-up.
    public var attempt: Int
    /// The reviewer's grade, 0–100.
    public var score: Double
    /// The scorer's grade of the answer when it was reviewed.
    public var scorerScore: Double?
    public var note: String?
    public var reviewer: String?
    /// The line's time, as written.
    public var time: String

    enum CodingKeys: String, CodingKey {
        case attempt, score, note, reviewer, time
        case questionID = "question_id"
        case scorerScore = "scorer_score"
    }

    /// When it was given.
    public var date: Date? { TranscriptTime.parse(time) }

    /// The review a `review` line records, or `nil` for another line or one lacking its grade.
    public init?(_ record: TranscriptRecord) {
        guard record.type == .review, let questionID = record.questionID, let score = record.score else { return nil }
        self.questionID = questionID
        attempt = record.attempt == 2 ? 2 : 1
        self.score = score
        scorerScore = record.scorerScore
        note = record.note
        reviewer = record.reviewer
        time = record.time
    }

    /// The `review` line for a grade of `attempt` of question `questionID`, given at `date`.
    public static func record(
        questionID: String, attempt: Int, score: Double, scorerScore: Double?, note: String?, reviewer: String?, at date: Date
    ) -> TranscriptRecord {
        var line = TranscriptRecord(.review, at: date)
        line.questionID = questionID
        line.attempt = attempt
        line.score = score
        line.scorerScore = scorerScore
        line.note = note
        line.reviewer = reviewer
        return line
    }
}
