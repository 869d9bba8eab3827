/// One answer of a past session graded again with today's bank and scorer.
public struct RescoredQuestion: Sendable {
    /// The question's place in the session.
    public let number: Int
    /// The question id.
    public let id: String
    /// The score the session gave (after hints and follow-up).
    public let old: Double?
    /// Today's score, with the same hint cap; `nil` when the question no longer exists.
    public let new: Double?
    /// Concepts matched today but not then.
    public let gained: [String]
    /// Concepts matched then but not today.
    public let lost: [String]
    /// Why today's score may not compare: the question changed or is gone.
    public let warning: String?
}
