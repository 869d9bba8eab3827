/// Which questions a scenario may ask: from these banks, with these topics, with these tags.
///
/// An empty list means "any". Within a list any entry may match; across lists all must,
/// so `topics: [django]` with `tags: [orm]` draws Django ORM questions only.
public struct Draw: Sendable, Hashable {
    /// Bank names (file names without extension).
    public var banks: [String]
    /// Topics.
    public var topics: [String]
    /// Tags.
    public var tags: [String]

    /// Creates a draw rule.
    public init(banks: [String] = [], topics: [String] = [], tags: [String] = []) {
        self.banks = banks
        self.topics = topics
        self.tags = tags
    }

    /// Whether `question`, which lives in `bank`, may be drawn.
    public func admits(_ question: Question, inBank bank: String) -> Bool {
        (banks.isEmpty || banks.contains(bank)) && QuestionFilter(topics: topics, tags: tags).admits(question)
    }
}
