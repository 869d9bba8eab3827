import RehearseScoring

/// A batch line after JSON parsing, before bank questions are looked up.
enum ParsedLine: Sendable {
    /// The line carries its own question and reference.
    case inline(BatchItem)
    /// The line names a bank question by id.
    case bank(id: String, answer: String, gold: Double?, line: Int, isSample: Bool)
    /// The line cannot be scored.
    case failure(CoreError)
}
