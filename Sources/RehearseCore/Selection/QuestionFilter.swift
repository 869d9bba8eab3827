/// The `--topic`, `--tag` and `--difficulty` filters shared by listing and practice.
public struct QuestionFilter: Sendable, Equatable {
    /// Topics to keep; empty keeps all.
    public var topics: [String]
    /// Tags to keep; empty keeps all.
    public var tags: [String]
    /// Difficulties to keep; empty keeps all.
    public var difficulties: [Difficulty]

    /// Creates a filter.
    public init(topics: [String] = [], tags: [String] = [], difficulties: [Difficulty] = []) {
        self.topics = topics
        self.tags = tags
        self.difficulties = difficulties
    }

    /// Whether `question` passes every given filter.
    public func admits(_ question: Question) -> Bool {
        (topics.isEmpty || topics.contains(question.topic))
            && (tags.isEmpty || !Set(tags).isDisjoint(with: question.tags))
            && (difficulties.isEmpty || difficulties.contains(question.difficulty))
    }

    /// The questions of `questions` that pass, in order.
    public func apply(_ questions: [Question]) -> [Question] {
        // Most sessions filter nothing: share the pool rather than copy every question.
        if topics.isEmpty, tags.isEmpty, difficulties.isEmpty { return questions }
        return questions.filter(admits)
    }
}
