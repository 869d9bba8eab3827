import RehearseScoring

/// What the interviewer says. A front end (the readline REPL, a pipe, a web page) decides how
/// each message looks; the engine only decides what is said.
public enum SessionMessage: Sendable {
    /// The interviewer introduces themselves.
    case greeting(interviewer: String, text: String)
    /// A new question.
    case question(AskedQuestion)
    /// The score of an answer (`final` is the question's score after hint caps and follow-ups).
    case feedback(report: ScoreReport, final: Double, band: Band, hintCap: Double?, overtimeSeconds: Int?)
    /// A follow-up about the most important missed concept.
    case followUp(questionID: String, text: String)
    /// A hint; `number` of `total`, and the most the question can now score.
    case hint(number: Int, total: Int, text: String, cap: Double)
    /// The reference answer (right away with `--reveal`).
    case reference(answer: String, code: String?)
    /// Something the interviewer says in passing: help, the running score, the time.
    case info(String)
    /// A problem the person should know about (a transcript that could not be written).
    case warning(String)
    /// The interviewer's closing words and the report.
    case closing(text: String, report: ClosingReport)
}

/// A question as asked: its place in the session and how it is presented.
public struct AskedQuestion: Sendable {
    /// 1-based position in the session.
    public let number: Int
    /// How many questions the session asks.
    public let total: Int
    /// The bank question.
    public let question: Question
    /// Seconds allowed, if limited.
    public let timeLimit: Int?

    /// Creates an asked question.
    public init(number: Int, total: Int, question: Question, timeLimit: Int?) {
        self.number = number
        self.total = total
        self.question = question
        self.timeLimit = timeLimit
    }

    /// `Question 2/5 · Django · medium`.
    public var header: String {
        "Question \(number)/\(total) · \(TopicNames.display(question.topic)) · \(question.difficulty.rawValue)"
    }
}

/// How topics are written for people: `django` → `Django`, `fastapi` → `FastAPI`.
public enum TopicNames {
    static let known = [
        "django": "Django", "flask": "Flask", "fastapi": "FastAPI", "drf": "DRF", "sql": "SQL", "http": "HTTP APIs",
        "system-design": "System design",
    ]

    /// The display name of `topic`.
    public static func display(_ topic: String) -> String {
        known[topic] ?? topic.prefix(1).uppercased() + topic.dropFirst()
    }
}
