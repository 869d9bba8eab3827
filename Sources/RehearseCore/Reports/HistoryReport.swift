import Foundation

/// Past sessions, newest first, as `rehearse history` lists them.
public struct HistoryReport: JSONReport, Sendable {
    /// One session; numbered from 1 (the newest), the number `rehearse replay N` takes.
    public struct Entry: Encodable, Sendable {
        /// Position in the list, from 1.
        public let number: Int
        /// The transcript's path.
        public let path: String
        /// The `session_start` time as written in the transcript.
        public let startedAt: String?
        /// The scenario id.
        public let scenario: String
        /// Questions asked.
        public let questions: Int
        /// Questions answered.
        public let answered: Int
        /// The overall score, to one decimal.
        public let overall: Double
        /// The length in seconds, to one decimal, when known.
        public let durationSeconds: Double?
        /// Whether the transcript has a `session_end` line.
        public let finished: Bool
        /// The candidate's display name, when one was given.
        public let candidate: String?
        /// How many answers a reviewer graded.
        public let reviewed: Int
        /// The overall score with reviewers' grades in place of the scorer's, once one exists.
        public let reviewedScore: Double?

        /// When the session started, read from ``startedAt``.
        public var startDate: Date? { TranscriptTime.parse(startedAt) }

        enum CodingKeys: String, CodingKey {
            case number, path, scenario, questions, answered, overall, finished, candidate, reviewed
            case reviewedScore = "reviewed_score"
            case startedAt = "started_at"
            case durationSeconds = "duration_seconds"
        }
    }

    /// The sessions, newest first.
    public let entries: [Entry]
    /// The transcripts folder they were read from.
    public let folder: String

    /// Sessions left out because nothing was answered in them.
    public let hiddenEmpty: Int

    /// The report of `sessions` (newest first, as ``TranscriptLibrary/sessions()`` returns them).
    /// Sessions with no answer are left out unless `includeEmpty`, and with `candidate` those
    /// of other candidates (part of the name, in any case); the others keep their numbers,
    /// which `rehearse replay N` uses.
    public init(sessions: [SessionLog], folder: String, includeEmpty: Bool = false, candidate: String? = nil) {
        self.init(summaries: sessions.map(SessionSummary.init), folder: folder, includeEmpty: includeEmpty, candidate: candidate)
    }

    /// The report of sessions' summaries, newest first, as ``init(sessions:folder:includeEmpty:candidate:)``.
    public init(summaries: [SessionSummary], folder: String, includeEmpty: Bool = false, candidate: String? = nil) {
        let filter = ReviewFilter(candidate: candidate)
        let numbered = summaries.enumerated().filter { filter.matches($0.element) }
        hiddenEmpty = includeEmpty ? 0 : numbered.count { $0.element.answered == 0 }
        entries = numbered.filter { includeEmpty || $0.element.answered > 0 }.map { index, log in
            Entry(
                number: index + 1, path: log.path, startedAt: log.startTime, scenario: log.scenario ?? "?",
                questions: log.questions.count, answered: log.answered, overall: (log.overallScore * 10).rounded() / 10,
                durationSeconds: log.seconds.map { ($0 * 10).rounded() / 10 }, finished: log.isFinished, candidate: log.candidate,
                reviewed: log.reviewedAnswers, reviewedScore: log.reviewedOverall.map { ($0 * 10).rounded() / 10 })
        }
        self.folder = folder
        self.candidate = candidate
    }

    /// The `--candidate` filter, if one was given.
    public let candidate: String?

    /// A JSON array of the entries.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
