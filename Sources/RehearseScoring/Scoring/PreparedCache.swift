import Foundation

/// Questions analysed once and shared by many scorers: a daemon's sessions each have their own
/// scorer (the stemmer is not thread-safe) but ask the same few dozen questions, so analysing
/// each question once per session would cost more than scoring the answers.
public final class PreparedCache: @unchecked Sendable {
    // NSLock guards `entries`; PreparedQuestion values are immutable once stored.
    private let lock = NSLock()
    private var entries: [ScoringQuestion: PreparedQuestion] = [:]

    /// An empty cache.
    public init() {}

    func value(for question: ScoringQuestion, make: () -> PreparedQuestion) -> PreparedQuestion {
        if let found = lock.withLock({ entries[question] }) { return found }
        let made = make()
        lock.withLock { entries[question] = made }
        return made
    }
}
