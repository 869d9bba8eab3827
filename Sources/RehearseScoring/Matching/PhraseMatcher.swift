/// Finds a term's words in an answer: in order, with at most one other word between
/// neighbours, so "separate SQL queries" matches the term "separate queries".
public enum PhraseMatcher {
    /// One word of a term, and whether it must match as written rather than by stem.
    public struct Word: Sendable {
        /// The analysed word.
        public let word: AnalyzedWord
        /// Match only the same folded word: no other inflection, no typo.
        public let exact: Bool

        /// Creates a term word.
        public init(word: AnalyzedWord, exact: Bool) {
            self.word = word
            self.exact = exact
        }
    }

    /// The positions of the first and last matched word, or `nil`.
    public static func find(_ term: [AnalyzedWord], in answer: AnswerIndex) -> ClosedRange<Int>? {
        find(term.map { Word(word: $0, exact: false) }, in: answer)
    }

    /// The positions of the first and last matched word, or `nil`.
    public static func find(_ term: [Word], in answer: AnswerIndex) -> ClosedRange<Int>? {
        // Through the buffer: the array's subscript copied each word, strings and all.
        term.withUnsafeBufferPointer { find($0, in: answer) }
    }

    private static func find(_ term: UnsafeBufferPointer<Word>, in answer: AnswerIndex) -> ClosedRange<Int>? {
        guard !term.isEmpty else { return nil }
        func positions(_ index: Int) -> ArraySlice<Int> {
            term[index].exact ? answer.positions(ofExactly: term[index].word) : answer.positions(of: term[index].word)
        }
        // Most terms of most concepts are not in a given answer: a missing first word settles it
        // before the other words are looked up.
        let first = positions(0)
        guard let earliest = first.first else { return nil }
        // Most terms are one word: its first position is the match.
        guard term.count > 1 else { return earliest...earliest }
        let candidates = [first] + (1..<term.count).map(positions)
        for start in candidates[0] {
            var last = start
            var complete = true
            for next in candidates.dropFirst() {
                let index = firstIndex(in: next, after: last)
                guard index < next.endIndex, next[index] <= last + 2 else {
                    complete = false
                    break
                }
                last = next[index]
            }
            if complete { return start...last }
        }
        return nil
    }

    /// Binary search: the index of the first position greater than `value` in sorted `positions`,
    /// so long answers stay linear overall.
    private static func firstIndex(in positions: ArraySlice<Int>, after value: Int) -> Int {
        var low = positions.startIndex
        var high = positions.endIndex
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
