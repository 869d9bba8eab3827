/// How hard a question is; adaptive scenarios move one level at a time.
public enum Difficulty: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case easy
    case medium
    case hard

    /// The level above, or `nil` at the top.
    public var harder: Difficulty? {
        switch self {
        case .easy: .medium
        case .medium: .hard
        case .hard: nil
        }
    }

    /// The level below, or `nil` at the bottom.
    public var easier: Difficulty? {
        switch self {
        case .easy: nil
        case .medium: .easy
        case .hard: .medium
        }
    }

    public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool {
        lhs.index < rhs.index
    }
}
