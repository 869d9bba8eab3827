/// A reference answer's content word with its idf weight. A struct, not a tuple: copies of a
/// tuple holding strings went through the runtime's generic tuple witnesses, a few percent of
/// the daemon's work per answer.
struct WeightedWord: Sendable {
    let word: AnalyzedWord
    let weight: Double
}
