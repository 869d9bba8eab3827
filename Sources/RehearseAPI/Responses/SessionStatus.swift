/// Where a session stands: what the client prompts for next.
public enum SessionStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for an answer to the current question.
    case answering
    /// Waiting for the answer to a follow-up.
    case followUp = "follow_up"
    /// Ended; no more input is taken.
    case finished

    /// A status from a newer daemon reads as `answering`: the client keeps prompting and the
    /// daemon says if the input is not wanted.
    public init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .answering
    }
}
