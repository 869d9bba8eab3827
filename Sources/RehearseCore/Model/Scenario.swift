/// A ready-to-run interview: who asks, what is drawn, how many and how hard.
public struct Scenario: Sendable, Hashable {
    /// Stable id, e.g. `python-web`; what `--scenario` takes.
    public var id: String
    /// A one-line title.
    public var title: String
    /// A few sentences on what the interview covers.
    public var description: String
    /// The persona.
    public var interviewer: Interviewer
    /// Which questions may be asked.
    public var draw: Draw
    /// How many questions a session asks; `nil` leaves it to the configuration.
    public var count: Int?
    /// The level of the first question.
    public var startDifficulty: Difficulty
    /// Whether difficulty follows the candidate's answers.
    public var adaptive: Bool
    /// An optional time limit per question, in seconds.
    public var timeLimit: Int?
    /// Where the scenario starts in its file.
    public var location: SourceLocation

    /// Creates a scenario.
    public init(
        id: String, title: String, description: String, interviewer: Interviewer, draw: Draw,
        count: Int?, startDifficulty: Difficulty, adaptive: Bool, timeLimit: Int?, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.interviewer = interviewer
        self.draw = draw
        self.count = count
        self.startDifficulty = startDifficulty
        self.adaptive = adaptive
        self.timeLimit = timeLimit
        self.location = location
    }
}
