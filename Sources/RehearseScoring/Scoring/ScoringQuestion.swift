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

    /// Hashes the prompt, the references and the sizes of the rest: scorers look a question up
    /// at every answer, and hashing its concepts and graded samples each time showed in the
    /// daemon's profile. (Questions of a batch often share an empty prompt: the references keep
    /// them apart.) Equal questions still hash alike; `==` compares everything.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(prompt)
        hasher.combine(references)
        hasher.combine(concepts.count)
        hasher.combine(samples.count)
    }

    /// Creates a question to score against.
    public init(prompt: String, references: [String], concepts: [ScoringConcept] = [], samples: [GradedSample] = []) {
        self.prompt = prompt
        self.references = references
        self.concepts = concepts
        self.samples = samples
    }
}
