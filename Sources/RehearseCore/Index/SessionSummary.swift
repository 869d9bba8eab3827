import Foundation
import RehearseScoring

/// What `history` and `stats` read of a transcript, small enough that a folder's summaries
/// load in a few milliseconds: the session's start and end, and per question its topic,
/// difficulty, scores, the concepts its last score line matched and missed, and its reviews.
/// `history` and `stats` read summaries, made from a whole transcript or from the folder's
/// ``TranscriptIndex``.
public struct SessionSummary: Sendable, Equatable {
    public struct Question: Sendable, Equatable {
        public var id: String
        public var number: Int
        public var topic: String
        public var difficulty: String
        /// Whether the first answer, and the answer to a follow-up, were given.
        public var answered: Bool
        public var followUpAnswered: Bool
        public var skipped: Bool
        /// `final_score` of the first answer's score line and of the follow-up's.
        public var score: Double?
        public var followUpScore: Double?
        /// Concepts of the question's last score line.
        public var matched: [String]
        public var missed: [String]
        public var reviews: [Review]
    }

    /// A reviewer's grade: enough to tell which counts.
    public struct Review: Sendable, Equatable {
        public var attempt: Int
        public var score: Double
        public var time: String
    }

    public var path: String
    public var startTime: String?
    public var scenario: String?
    public var seed: String?
    public var sessionID: String?
    public var candidate: String?
    public var count: String?
    public var endTime: String?
    public var endReason: String?
    public var overall: Double?
    public var duration: Double?
    public var lastTime: Date?
    public var questions: [Question]
    public var warnings: [String]
}

extension SessionSummary {
    /// The summary of `log`.
    public init(_ log: SessionLog) {
        path = log.path
        startTime = log.start?.time
        scenario = log.start?.scenario
        seed = log.start?.seed
        sessionID = log.start?.sessionID
        candidate = log.start?.candidate
        count = log.start?.options?["count"]
        endTime = log.end?.time
        endReason = log.end?.reason
        overall = log.end?.overall
        duration = log.end?.durationSeconds
        lastTime = log.lastTime
        warnings = log.warnings
        questions = log.questions.map { question in
            let last = question.followUpScore ?? question.score
            return Question(
                id: question.id, number: question.number, topic: question.topic, difficulty: question.difficulty,
                answered: question.answer != nil, followUpAnswered: question.followUpAnswer != nil, skipped: question.skipped,
                score: question.score?.finalScore, followUpScore: question.followUpScore?.finalScore,
                matched: (last?.matched ?? []).map(\.concept), missed: (last?.missed ?? []).map(\.concept),
                reviews: question.reviews.map { Review(attempt: $0.attempt, score: $0.score, time: $0.time) })
        }
    }
}
