/// Which of the interviewer's messages a ``WireMessage`` is; it says which other fields are
/// present. The same cases as `SessionMessage`, in snake_case.
public enum MessageType: String, Codable, Sendable, CaseIterable {
    case greeting, question, feedback
    case followUp = "follow_up"
    case hint, reference, info, warning, closing
    /// A type this build does not know (a newer daemon): a client shows its text, if any.
    case unknown

    /// The types docs/api.yaml lists (everything but ``unknown``, which is never sent).
    public static var sent: [MessageType] { allCases.filter { $0 != .unknown } }

    public init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .unknown
    }
}
