/// A question found in a Markdown guide, before it is written as a bank entry.
public struct ImportedQuestion: Sendable {
    /// The topic, from the section heading or `--topic`.
    public var topic: String
    /// The question's number in the guide (from its heading), or its position in the section.
    public var number: Int
    /// The question as asked.
    public var prompt: String
    /// The reference answer in prose.
    public var answer: String
    /// Code from the answer's fenced blocks.
    public var code: String?
    /// From a level heading (Beginner, Intermediate, Advanced), else a guess.
    public var difficulty: Difficulty
    /// The guide line the question starts on.
    public var line: Int
    /// Suggested concepts: distinctive terms of the answer.
    public var concepts: [Concept] = []
}
