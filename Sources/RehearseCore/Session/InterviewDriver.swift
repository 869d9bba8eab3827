/// What the interviewer dialogue drives: a session in this process, or one held by a daemon.
/// The REPL reads lines and shows messages; where the session lives is not its concern.
public protocol InterviewDriver: AnyObject {
    /// Greets and asks the first question.
    func start() -> [SessionMessage]
    /// Handles one input: an answer or a slash command, exactly as typed.
    func handle(_ input: String) -> [SessionMessage]
    /// Ends the session with the closing report.
    func finish(reason: String) -> [SessionMessage]
    /// Whether the session has ended.
    var isFinished: Bool { get }
    /// Whether the next line answers a follow-up.
    var awaitingFollowUp: Bool { get }
    /// Seconds left on the current question, negative when over; `nil` without a limit.
    var secondsLeft: Int? { get }
    /// Inputs refused because they could not be saved: the session exits non-zero if any.
    var unsavedInputs: Int { get }
}

extension InterviewSession: InterviewDriver {}
