import Foundation

/// An answer as a transcript recorded it.
public struct ReplayedAnswer: Sendable {
    /// The text as typed.
    public let text: String
    /// When the question (or follow-up) was asked.
    public let askedAt: Date?
    /// When the answer was given.
    public let answeredAt: Date?
    /// Seconds between the two.
    public let elapsedSeconds: Double?
    /// Whether it came after the time limit.
    public let overtime: Bool
}
