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

    /// Hashes the length and the start of the prompt and of each reference, and the sizes of
    /// the rest: scorers look a question up at every answer, and hashing all of its text (or its
    /// concepts and graded samples) each time showed in the daemon's profile. (Questions of a
    /// batch often share an empty prompt: the references keep them apart.) Equal questions
    /// still hash alike; `==` compares everything.
    public func hash(into hasher: inout Hasher) {
        Self.combineStart(of: prompt, into: &hasher)
        hasher.combine(references.count)
        for reference in references { Self.combineStart(of: reference, into: &hasher) }
        hasher.combine(concepts.count)
        hasher.combine(samples.count)
    }

    /// How many bytes of each text ``hash(into:)`` takes.
    private static let hashedPrefix = 48

    private static func combineStart(of text: String, into hasher: inout Hasher) {
        let utf8 = text.utf8
        hasher.combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(hashedPrefix))))
        }
        // The same bytes the same way for a string not stored as UTF-8, so equal texts hash alike.
        if hashed == nil { Array(utf8.prefix(hashedPrefix)).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    /// Creates a question to score against.
    public init(prompt: String, references: [String], concepts: [ScoringConcept] = [], samples: [GradedSample] = []) {
        self.prompt = prompt
        self.references = references
        self.concepts = concepts
        self.samples = samples
    }
}
