/// What importing a guide found: the questions, and every piece that was not imported.
public struct ImportReport: Sendable {
    /// The questions, in guide order.
    public var questions: [ImportedQuestion] = []
    /// `line N: ...` or `lines N-M: ...` for everything left out, so nothing is dropped silently.
    public var skipped: [String] = []

    /// Questions per topic, in order of first appearance.
    public var perTopic: [(topic: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for question in questions {
            if counts[question.topic] == nil { order.append(question.topic) }
            counts[question.topic, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// Questions per difficulty.
    public var perDifficulty: [(difficulty: Difficulty, count: Int)] {
        Difficulty.allCases.map { level in (level, questions.filter { $0.difficulty == level }.count) }.filter { $0.count > 0 }
    }
}
