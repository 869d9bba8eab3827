import Foundation
import RehearseCore
import Synchronization

/// A ``SessionClock`` that stands still until the test moves it, so time limits, elapsed
/// seconds and idle timeouts can be checked without waiting.
///
/// Safe to share: a daemon's sessions read it from their own tasks while the test advances it.
public final class ManualClock: SessionClock, Sendable {
    /// 2027-01-15T08:00:00Z, fixed so that what a test writes reads the same on every run.
    public static let defaultStart = Date(timeIntervalSince1970: 1_800_000_000)

    private let current: Mutex<Date>

    /// A clock showing `start`.
    public init(at start: Date = ManualClock.defaultStart) {
        current = Mutex(start)
    }

    /// The time the test last set.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock `seconds` forward (backward if negative).
    public func advance(_ seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// Shows `date` from now on.
    public func set(to date: Date) {
        current.withLock { $0 = date }
    }
}
