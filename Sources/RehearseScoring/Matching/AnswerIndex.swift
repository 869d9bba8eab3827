/// An answer's content words indexed for matching: where each stem occurs, and which stems
/// are one typo away from a given one.
public struct AnswerIndex: Sendable {
    /// The words, in order.
    public let words: [AnalyzedWord]
    private let positions: [String: [Int]]
    /// Positions of each folded word of 5 letters or more, by length: the only words a typo
    /// match can reach.
    private let longWords: [Int: [String: [Int]]]
    /// In an answer with more than ``neighbourThreshold`` of them: those up to ``neighbourLimit``
    /// bytes, under their UTF-8 bytes and under each way of dropping one byte. Two words one typo
    /// apart share a key, so a lookup tries a dozen keys instead of comparing every long word of
    /// the answer, which made a long answer cost its length times the question's words. `nil` in
    /// a shorter answer (most of them, and every sentence `TermSearch` indexes): comparing its
    /// few long words one by one is cheaper than building the keys.
    private let neighbours: [[UInt8]: [String]]?
    /// The longest word (in UTF-8 bytes) in ``neighbours``; longer ones are compared one by one.
    private static let neighbourLimit = 64
    /// How many distinct long words an answer has before ``neighbours`` is built.
    private static let neighbourThreshold = 256

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
        let indexed = longWords.filter { $0.key <= Self.neighbourLimit }
        guard indexed.values.reduce(0, { $0 + $1.count }) > Self.neighbourThreshold else {
            neighbours = nil
            return
        }
        var neighbours: [[UInt8]: [String]] = [:]
        for folded in indexed.values.flatMap(\.keys) {
            for key in Self.neighbourKeys(folded) { neighbours[key, default: []].append(folded) }
        }
        self.neighbours = neighbours
    }

    /// `word`'s UTF-8 bytes, and the same with each byte dropped in turn.
    private static func neighbourKeys(_ word: String) -> [[UInt8]] {
        let bytes = Array(word.utf8)
        var keys = [bytes]
        for skipped in bytes.indices { keys.append(Array(bytes[..<skipped]) + bytes[(skipped + 1)...]) }
        return keys
    }

    /// The distinct stems of the answer.
    public var stems: Dictionary<String, [Int]>.Keys { positions.keys }

    /// Whether a word with this stem occurs, as written or inflected (no typo).
    public func contains(stem: String) -> Bool { positions[stem] != nil }

    /// Whether the answer has no content words.
    public var isEmpty: Bool { words.isEmpty }

    /// Positions of words with the stem of `word`; a word of 6+ letters also matches a word
    /// one typo away from it.
    public func positions(of word: AnalyzedWord) -> [Int] {
        let exact = positions[word.stem] ?? []
        guard word.length >= 6 else { return exact }
        let count = word.folded.utf8.count
        var near: [Int] = []
        if let neighbours, count + 1 <= Self.neighbourLimit {
            // Every word one typo away is indexed, under a key `word` also has.
            var tried = Set<String>()
            for key in Self.neighbourKeys(word.folded) {
                for candidate in neighbours[key] ?? [] where tried.insert(candidate).inserted {
                    guard candidate != word.folded, EditDistance.withinOne(candidate, word.folded),
                        let at = longWords[candidate.utf8.count]?[candidate]
                    else { continue }
                    near += at
                }
            }
        } else {
            for candidateLength in (count - 1)...(count + 1) {
                for (candidate, at) in longWords[candidateLength] ?? [:]
                where candidate != word.folded && EditDistance.withinOne(candidate, word.folded) {
                    near += at
                }
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
