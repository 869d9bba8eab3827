/// How fast `rehearse replay` shows a session.
public enum ReplayPace: String, CaseIterable, Sendable {
    /// All at once.
    case instant
    /// At the pace the person answered.
    case realtime
    /// Twice as fast as they answered.
    case double = "2x"

    /// How many times faster than the session itself; `nil` for no waiting at all.
    public var speed: Double? {
        switch self {
        case .instant: nil
        case .realtime: 1
        case .double: 2
        }
    }
}
