/// What an answer is scored against: the prompt, one or more reference answers, and concepts.
public struct ScoringQuestion: Sendable, Hashable {
    /// The question as asked; its words earn nothing ("question demoting").
    public var prompt: String
    /// Acceptable reference answers; the answer is scored against the one it matches best.
    public var references: [String]
    /// The concepts a good answer mentions; empty means "derive them from the reference".
    public var concepts: [ScoringConcept]
    /// Graded answers to this question: the accepted ones are extra references, and the
    /// closest ones move the score towards how people graded them. Empty: today's score.
    public var samples: [GradedSample]

    /// Creates a question to score against.
    public init(prompt: String, references: [String], concepts: [ScoringConcept] = [], samples: [GradedSample] = []) {
        self.prompt = prompt
        self.references = references
        self.concepts = concepts
        self.samples = samples
    }
}
