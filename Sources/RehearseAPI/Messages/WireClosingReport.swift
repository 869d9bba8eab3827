import RehearseCore
import RehearseScoring

/// The closing report as the daemon sends it.
public struct WireClosingReport: Codable, Sendable, Equatable {
    /// One asked question's outcome.
    public struct Row: Codable, Sendable, Equatable {
        public var id: String
        public var topic: String
        public var difficulty: Difficulty
        public var prompt: String
        public var reference: String
        public var answered: Bool
        public var skipped: Bool
        public var score: Double
        public var seconds: Double
        public var overtime: Bool
        public var hintsUsed: Int

        enum CodingKeys: String, CodingKey {
            case id, topic, difficulty, prompt, reference, answered, skipped, score, seconds, overtime
            case hintsUsed = "hints_used"
        }
    }

    /// A topic's mean score.
    public struct TopicScore: Codable, Sendable, Equatable {
        public var topic: String
        public var average: Double
    }

    /// A concept missed, how often, and the reference sentence that explains it.
    public struct Missed: Codable, Sendable, Equatable {
        public var concept: String
        public var count: Int
        public var sentence: String
    }

    public var overall: Double
    /// The overall score's band under the daemon's `bands` settings, so clients need not guess.
    public var band: Band?
    public var durationSeconds: Double
    public var transcript: String
    public var questions: [Row]
    public var topics: [TopicScore]
    public var mostMissed: [Missed]

    enum CodingKeys: String, CodingKey {
        case overall, band, transcript, questions, topics
        case durationSeconds = "duration_seconds"
        case mostMissed = "most_missed"
    }

    /// The wire form of `report`; `transcript` names the file without the daemon's folders.
    public init(_ report: ClosingReport, transcript: String, band: Band? = nil) {
        overall = (report.overall * 10).rounded() / 10
        self.band = band
        durationSeconds = (report.duration * 10).rounded() / 10
        self.transcript = transcript
        questions = report.results.map {
            Row(
                id: $0.question.id, topic: $0.question.topic, difficulty: $0.question.difficulty,
                prompt: $0.question.prompt, reference: $0.question.answer, answered: $0.answer != nil, skipped: $0.skipped,
                score: $0.finalScore, seconds: ($0.seconds * 10).rounded() / 10, overtime: $0.overtime, hintsUsed: $0.hintsUsed)
        }
        topics = report.topics.map { TopicScore(topic: $0.topic, average: $0.average) }
        mostMissed = report.mostMissed.map { Missed(concept: $0.concept, count: $0.count, sentence: $0.sentence) }
    }

    /// The report back as the engine's type, for the terminal views.
    public var report: ClosingReport {
        let results = questions.map { row in
            var result = QuestionResult(
                question: Question(
                    id: row.id, topic: row.topic, difficulty: row.difficulty,
                    prompt: row.prompt, answer: row.reference, location: .daemon))
            result.answer = row.answered ? "" : nil
            result.skipped = row.skipped
            result.finalScore = row.score
            result.seconds = row.seconds
            result.overtime = row.overtime
            result.hintsUsed = row.hintsUsed
            return result
        }
        return ClosingReport(
            results: results, overall: overall, topics: topics.map { ($0.topic, $0.average) },
            mostMissed: mostMissed.map { ($0.concept, $0.count, $0.sentence) }, transcript: transcript, duration: durationSeconds)
    }
}
