/// An answer's content words indexed for matching: where each stem occurs, and which stems
/// are one typo away from a given one.
public struct AnswerIndex: Sendable {
    /// The words, in order.
    public let words: [AnalyzedWord]
    /// Each distinct stem with where its positions are in ``positions``.
    private let stemRanges: StemTable<Range<Int>>
    /// Every position, grouped by stem (in the order of ``stemRanges``), ascending within a
    /// stem: one array for the answer instead of one per stem.
    private let positions: [Int]
    /// Each distinct folded word of 5 letters or more with its positions, shortest first: the
    /// only words a typo match can reach. A flat list: a dictionary of dictionaries by length
    /// cost more to build than most answers cost to score.
    private let longWords: [LongWord]
    /// In an answer with more than ``neighbourThreshold`` of them: those up to ``neighbourLimit``
    /// bytes (as indices into ``longWords``), under their UTF-8 bytes and under each way of
    /// dropping one byte. Two words one typo apart share a key, so a lookup tries a dozen keys
    /// instead of comparing every long word of the answer, which made a long answer cost its
    /// length times the question's words. `nil` in a shorter answer (most of them, and every
    /// sentence `TermSearch` indexes): comparing its few long words one by one is cheaper than
    /// building the keys.
    private let neighbours: [[UInt8]: [Int]]?
    /// The longest word (in UTF-8 bytes) in ``neighbours``; longer ones are compared one by one.
    private static let neighbourLimit = 64
    /// How many distinct long words an answer has before ``neighbours`` is built.
    private static let neighbourThreshold = 256

    /// A distinct long word: its folded form, its UTF-8 length, its ``EditDistance/bytes(of:)``
    /// and where it occurs.
    private struct LongWord: Sendable {
        let folded: String
        let count: Int
        let bytes: UInt64
        var at: [Int]
    }

    /// Indexes `words`.
    public init(words: [AnalyzedWord]) {
        self.words = words
        // Through the buffer: the array's subscript and `enumerated()` copied each word.
        (stemRanges, positions, longWords) = words.withUnsafeBufferPointer(Self.index)
        let longWords = self.longWords
        let indexed = longWords.indices.filter { longWords[$0].count <= Self.neighbourLimit }
        guard indexed.count > Self.neighbourThreshold else {
            neighbours = nil
            return
        }
        var neighbours: [[UInt8]: [Int]] = [:]
        for slot in indexed {
            for key in Self.neighbourKeys(longWords[slot].folded) { neighbours[key, default: []].append(slot) }
        }
        self.neighbours = neighbours
    }

    /// Where each stem of `words` occurs, and their long words, shortest first.
    private static func index(_ words: UnsafeBufferPointer<AnalyzedWord>) -> (StemTable<Range<Int>>, [Int], [LongWord]) {
        // Each word's stem entry, counting how many words share it; then each stem's run.
        var stemRanges = StemTable<Range<Int>>(minimumCapacity: words.count)
        var stemOf = [Int](repeating: 0, count: words.count)
        for index in words.indices {
            let (entry, _) = stemRanges.insert(words[index].stem, hash: words[index].stemHash, value: 0..<0)
            stemOf[index] = entry
            stemRanges[entry] = 0..<(stemRanges[entry].upperBound + 1)
        }
        var start = 0
        for entry in 0..<stemRanges.count {
            let count = stemRanges[entry].count
            stemRanges[entry] = start..<start
            start += count
        }
        var positions = [Int](repeating: 0, count: words.count)
        var longWords: [LongWord] = []
        // The long word each position holds, so a repeat finds its entry through the earlier
        // positions of its stem (a word's repeats share its stem).
        var slots = [Int](repeating: -1, count: words.count)
        for index in words.indices {
            let run = stemRanges[stemOf[index]]
            positions[run.upperBound] = index
            stemRanges[stemOf[index]] = run.lowerBound..<(run.upperBound + 1)
            guard words[index].length >= 5 else { continue }
            if let earlier = positions[run].first(where: { words[$0].folded == words[index].folded }) {
                slots[index] = slots[earlier]
                longWords[slots[earlier]].at.append(index)
            } else {
                slots[index] = longWords.count
                let folded = words[index].folded
                longWords.append(LongWord(folded: folded, count: folded.utf8.count, bytes: words[index].typoBits, at: [index]))
            }
        }
        longWords.sort { $0.count < $1.count }
        return (stemRanges, positions, longWords)
    }

    /// `word`'s UTF-8 bytes, and the same with each byte dropped in turn.
    private static func neighbourKeys(_ word: String) -> [[UInt8]] {
        let bytes = Array(word.utf8)
        var keys = [bytes]
        for skipped in bytes.indices { keys.append(Array(bytes[..<skipped]) + bytes[(skipped + 1)...]) }
        return keys
    }

    /// The distinct stems of the answer, with their hashes.
    var stems: some Sequence<(stem: String, hash: Int)> { stemRanges.entries.lazy.map { ($0.stem, $0.hash) } }

    /// Whether a word with this stem occurs, as written or inflected (no typo).
    public func contains(stem: String) -> Bool { contains(stem: stem, hash: AnalyzedWord.hash(ofStem: stem)) }

    /// Whether a word with this stem (of ``AnalyzedWord/hash(ofStem:)`` `hash`) occurs.
    func contains(stem: String, hash: Int) -> Bool { stemRanges.contains(stem, hash: hash) }

    /// Whether the answer has no content words.
    public var isEmpty: Bool { words.isEmpty }

    /// Positions of words with the same stem as `word`, ascending.
    private func exactly(_ word: AnalyzedWord) -> ArraySlice<Int> {
        guard let entry = stemRanges.index(of: word.stem, hash: word.stemHash) else { return [] }
        return positions[stemRanges[entry]]
    }

    /// Positions of words with the stem of `word`, ascending; a word of 6+ letters also matches
    /// a word one typo away from it.
    public func positions(of word: AnalyzedWord) -> ArraySlice<Int> {
        let exact = exactly(word)
        guard word.length >= 6 else { return exact }
        let near = nearby(word)
        guard !near.isEmpty else { return exact }
        return ArraySlice(Set(exact + near).sorted())
    }

    /// Positions of the long words one typo away from `word` (not the same as written).
    private func nearby(_ word: AnalyzedWord) -> [Int] {
        let count = word.folded.utf8.count
        let bytes = word.typoBits
        var near: [Int] = []
        if let neighbours, count + 1 <= Self.neighbourLimit {
            // Every word one typo away is indexed, under a key `word` also has.
            var tried = Set<Int>()
            for key in Self.neighbourKeys(word.folded) {
                for slot in neighbours[key] ?? [] where tried.insert(slot).inserted {
                    let candidate = longWords[slot]
                    guard EditDistance.mayBeWithinOne(candidate.bytes, bytes), candidate.folded != word.folded,
                        EditDistance.withinOne(candidate.folded, word.folded)
                    else { continue }
                    near += candidate.at
                }
            }
        } else {
            // Sorted by length: the candidates one byte shorter to one byte longer are a run.
            var slot = longWords.partitioningIndex { $0.count >= count - 1 }
            while slot < longWords.count, longWords[slot].count <= count + 1 {
                let candidate = longWords[slot]
                if EditDistance.mayBeWithinOne(candidate.bytes, bytes), candidate.folded != word.folded,
                    EditDistance.withinOne(candidate.folded, word.folded)
                {
                    near += candidate.at
                }
                slot += 1
            }
        }
        return near
    }

    /// Positions of `word` as written (folded): no other inflection, no typo.
    public func positions(ofExactly word: AnalyzedWord) -> ArraySlice<Int> {
        ArraySlice(exactly(word).filter { words[$0].folded == word.folded })
    }

    /// Whether `word` occurs (or occurs with one typo, for long words).
    public func contains(_ word: AnalyzedWord) -> Bool {
        stemRanges.contains(word.stem, hash: word.stemHash) || (word.length >= 6 && !nearby(word).isEmpty)
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate false for a prefix and
    /// true for the rest (binary search).
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
