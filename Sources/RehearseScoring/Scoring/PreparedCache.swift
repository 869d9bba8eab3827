import Synchronization

/// Questions analysed once and shared by many scorers: a daemon's sessions each have their own
/// scorer (the stemmer is not thread-safe) but ask the same few dozen questions, so analysing
/// each question once per session would cost more than scoring the answers.
public final class PreparedCache: Sendable {
    // Two sessions missing the same question both analyse it and the later store wins: the
    // results are equal, and analysing outside the lock keeps other lookups from waiting.
    private let entries = Mutex<[QuestionKey: PreparedQuestion]>([:])

    /// Words analysed by any of the scorers sharing this cache.
    public let words = WordCache()

    /// The most questions kept.
    static let limit = 4096

    /// An empty cache.
    public init() {}

    func value(for question: ScoringQuestion, make: () -> PreparedQuestion) -> PreparedQuestion {
        let key = QuestionKey(question: question)
        if let found = entries.withLock({ $0[key] }) { return found }
        let made = make()
        entries.withLock {
            // Learned samples make new versions of a question; the old ones are not asked for
            // again, so a full cache starts over rather than growing with every review.
            if $0.count >= Self.limit { $0.removeAll(keepingCapacity: true) }
            $0[key] = made
        }
        return made
    }
}
