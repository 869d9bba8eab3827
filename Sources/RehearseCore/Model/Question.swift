import RehearseScoring

/// One interview question with its reference answer and what a good answer covers.
public struct Question: Sendable, Hashable {
    /// Stable dotted id, e.g. `django.csrf`; transcripts refer to it.
    public var id: String
    /// Open topic name, e.g. `django`.
    public var topic: String
    /// Free tags such as `orm` or `security`, for drawing and filtering.
    public var tags: [String]
    /// How hard the question is.
    public var difficulty: Difficulty
    /// What the interviewer asks.
    public var prompt: String
    /// The reference answer, in prose a candidate could say aloud.
    public var answer: String
    /// An optional example snippet shown with the reference answer.
    public var code: String?
    /// The ideas a good answer mentions.
    public var concepts: [Concept]
    /// Progressive hints, least revealing first.
    public var hints: [String]
    /// A question about the most important concept, asked when it was missed.
    public var followUp: String?
    /// Sample answers with the grade they should get.
    public var examples: [Example]
    /// Graded answers given from outside the bank (a `--samples` file, reviewers' grades);
    /// with the examples, the scorer's graded samples.
    public var samples: [GradedSample] = []
    /// Where the question came from: `guide:django:3` or `extra`.
    public var source: String?
    /// An imported question not yet reviewed by an author.
    public var draft: Bool
    /// Where the question starts in its file.
    public var location: SourceLocation

    /// Creates a question.
    public init(
        id: String, topic: String, tags: [String] = [], difficulty: Difficulty, prompt: String,
        answer: String, code: String? = nil, concepts: [Concept] = [], hints: [String] = [],
        followUp: String? = nil, examples: [Example] = [], source: String? = nil, draft: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.topic = topic
        self.tags = tags
        self.difficulty = difficulty
        self.prompt = prompt
        self.answer = answer
        self.code = code
        self.concepts = concepts
        self.hints = hints
        self.followUp = followUp
        self.examples = examples
        self.source = source
        self.draft = draft
        self.location = location
    }
}
