import RehearseCore

/// A question as the daemon sends it: what the candidate sees, never the reference answer,
/// concepts or hints (those come only when earned).
public struct WireQuestion: Codable, Sendable, Equatable, APISchema {
    public var id: String
    public var number: Int
    public var total: Int
    public var topic: String
    public var difficulty: Difficulty
    public var prompt: String
    public var timeLimit: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, number, total, topic, difficulty, prompt
        case timeLimit = "time_limit"
    }

    public static let schemaName = "Question"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// The wire form of `asked`.
    public init(_ asked: AskedQuestion) {
        id = asked.question.id
        number = asked.number
        total = asked.total
        topic = asked.question.topic
        difficulty = asked.question.difficulty
        prompt = asked.question.prompt
        timeLimit = asked.timeLimit
    }

    /// The question back as the engine's type, with only what was sent.
    public var asked: AskedQuestion {
        let question = Question(
            id: id, topic: topic, difficulty: difficulty, prompt: prompt, answer: "",
            location: .daemon)
        return AskedQuestion(number: number, total: total, question: question, timeLimit: timeLimit)
    }
}
