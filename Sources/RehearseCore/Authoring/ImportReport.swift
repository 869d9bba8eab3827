/// What importing a guide found: the questions, and every piece that was not imported.
public struct ImportReport: Sendable {
    /// The questions, in guide order.
    public var questions: [ImportedQuestion] = []
    /// `line N: ...` or `lines N-M: ...` for everything left out, so nothing is dropped silently.
    public var skipped: [String] = []

    /// Questions per topic, in order of first appearance.
    public var perTopic: [(topic: String, count: Int)] {
        var counts: [(topic: String, count: Int)] = []
        var position: [String: Int] = [:]
        for question in questions {
            if let index = position[question.topic] {
                counts[index].count += 1
            } else {
                position[question.topic] = counts.count
                counts.append((question.topic, 1))
            }
        }
        return counts
    }

    /// Questions per difficulty.
    public var perDifficulty: [(difficulty: Difficulty, count: Int)] {
        Difficulty.allCases.map { level in (level, questions.filter { $0.difficulty == level }.count) }.filter { $0.count > 0 }
    }
}
