/// An answer's content words indexed for matching: where each stem occurs, and which stems
/// are one typo away from a given one.
public struct AnswerIndex: Sendable {
    /// The words, in order.
    public let words: [AnalyzedWord]
    private let positions: [String: [Int]]
    /// Positions of each folded word of 5 letters or more, by length: the only words a typo
    /// match can reach.
    private let longWords: [Int: [String: [Int]]]

    /// Indexes `words`.
    public init(words: [AnalyzedWord]) {
        self.words = words
        var positions: [String: [Int]] = [:]
        for (index, word) in words.enumerated() { positions[word.stem, default: []].append(index) }
        self.positions = positions
        var longWords: [Int: [String: [Int]]] = [:]
        for (index, word) in words.enumerated() where word.length >= 5 {
            longWords[word.folded.utf8.count, default: [:]][word.folded, default: []].append(index)
        }
        self.longWords = longWords
    }

    /// Whether the answer has no content words.
    public var isEmpty: Bool { words.isEmpty }

    /// Positions of words with the stem of `word`; a word of 6+ letters also matches a word
    /// one typo away from it.
    public func positions(of word: AnalyzedWord) -> [Int] {
        let exact = positions[word.stem] ?? []
        guard word.length >= 6 else { return exact }
        let count = word.folded.utf8.count
        var near: [Int] = []
        for candidateLength in (count - 1)...(count + 1) {
            for (candidate, at) in longWords[candidateLength] ?? [:]
            where candidate != word.folded && EditDistance.withinOne(candidate, word.folded) {
                near += at
            }
        }
        guard !near.isEmpty else { return exact }
        return Array(Set(exact + near)).sorted()
    }

    /// Positions of `word` as written (folded): no other inflection, no typo.
    public func positions(ofExactly word: AnalyzedWord) -> [Int] {
        (positions[word.stem] ?? []).filter { words[$0].folded == word.folded }
    }

    /// Whether `word` occurs (or occurs with one typo, for long words).
    public func contains(_ word: AnalyzedWord) -> Bool {
        positions[word.stem] != nil || (word.length >= 6 && !positions(of: word).isEmpty)
    }
}
