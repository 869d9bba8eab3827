import Foundation

/// Every answered attempt at one question, oldest first, with the concepts each attempt
/// gained and lost against the one before.
public struct CompareReport: JSONReport, Sendable {
    /// One answer to the question.
    public struct Attempt: Encodable, Sendable {
        /// The transcript's path.
        public let session: String
        /// The `session_start` time as written in the transcript.
        public let startedAt: String?
        /// The final score (after the follow-up, if any).
        public let score: Double?
        /// Concepts matched, in the scorer's order.
        public let matched: [String]
        /// Concepts matched now but not in the attempt before; empty for the first attempt.
        public let gained: [String]
        /// Concepts matched in the attempt before but not now, sorted; empty for the first.
        public let lost: [String]

        /// When the session started, read from ``startedAt``.
        public var startDate: Date? { TranscriptTime.parse(startedAt) }

        enum CodingKeys: String, CodingKey {
            case session, score, matched, gained, lost
            case startedAt = "started_at"
        }
    }

    /// The question id compared.
    public let questionID: String
    /// The attempts, oldest first.
    public let attempts: [Attempt]

    /// The attempts at `questionID` in `sessions` (newest first, as
    /// ``TranscriptLibrary/sessions()`` returns them).
    public init(questionID: String, sessions: [SessionLog]) {
        var attempts: [Attempt] = []
        var previous: Set<String>?
        for session in sessions.reversed() {
            for question in session.questions where question.id == questionID && question.answer != nil {
                // The follow-up's score is the one that counted, so its concepts are the ones compared.
                let matched = ((question.followUpScore ?? question.score)?.matched ?? []).map(\.concept)
                let now = Set(matched)
                attempts.append(
                    Attempt(
                        session: session.path, startedAt: session.start?.time, score: question.finalScore, matched: matched,
                        gained: previous.map { old in matched.filter { !old.contains($0) } } ?? [],
                        lost: previous.map { $0.subtracting(now).sorted() } ?? []))
                previous = now
            }
        }
        self.questionID = questionID
        self.attempts = attempts
    }

    /// A JSON array of the attempts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(attempts)
    }
}
