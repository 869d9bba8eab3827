/// Why a session ended, as `WireSessionState.endReason` says and `session_end` records.
public enum EndReason: String, Codable, Sendable, CaseIterable {
    /// Every question was asked.
    case completed
    /// The candidate typed `/quit`.
    case quit
    /// A client ended it with `DELETE /v1/sessions/{id}`.
    case deleted
    /// No input came within the daemon's idle timeout.
    case idleTimeout = "idle timeout"
    /// A piped `practice` ran out of input.
    case endOfInput = "end of input"
    /// A reason this build does not know (a newer daemon, or a hand-edited transcript).
    case other

    /// The reason a transcript's `session_end` line names; unknown text is ``other``.
    public init(recorded text: String?) {
        self = text.flatMap(Self.init(rawValue:)) ?? (text == nil ? .completed : .other)
    }

    public init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .other
    }
}
