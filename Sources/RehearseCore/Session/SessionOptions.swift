/// How one practice session runs: what is drawn, how many, and which help it offers.
public struct SessionOptions: Sendable, Equatable {
    /// Extra `--topic`, `--tag`, `--difficulty` filters on top of the scenario's draw.
    public var filter: QuestionFilter
    /// How many questions to ask.
    public var count: Int
    /// The seed of the question order; the same seed and the same answers ask the same questions.
    public var seed: UInt64
    /// Whether the seed was chosen by the user: a reproducible session ignores past sessions.
    public var seedIsFixed: Bool
    /// Whether to ask one follow-up about the most important missed concept.
    public var followUp: Bool
    /// Seconds per question, if limited.
    public var timeLimit: Int?
    /// Whether to show the reference answer right after each answer.
    public var reveal: Bool
    /// Points each hint takes off the most a question can score.
    public var hintPenalty: Int
    /// Ask the pool in the order given (a review session), instead of drawing at random.
    public var inOrder: Bool
    /// The candidate's display name, recorded in the transcript for reviewers.
    public var candidate: String?

    /// Creates options.
    public init(
        filter: QuestionFilter = QuestionFilter(), count: Int = 5, seed: UInt64 = 0, seedIsFixed: Bool = true,
        followUp: Bool = true, timeLimit: Int? = nil, reveal: Bool = false, hintPenalty: Int = 20, inOrder: Bool = false,
        candidate: String? = nil
    ) {
        self.filter = filter
        self.count = count
        self.seed = seed
        self.seedIsFixed = seedIsFixed
        self.followUp = followUp
        self.timeLimit = timeLimit
        self.reveal = reveal
        self.hintPenalty = hintPenalty
        self.inOrder = inOrder
        self.candidate = candidate
    }
}
