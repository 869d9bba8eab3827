import Foundation

/// Where a session reads the time: the wall clock in use, a fixed script in tests.
public protocol SessionClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: SessionClock {
    /// Creates the clock.
    public init() {}

    public func now() -> Date { Date() }
}
