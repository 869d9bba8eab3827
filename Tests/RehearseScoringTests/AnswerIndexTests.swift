import Testing

@testable import RehearseScoring

/// Where a word occurs in an answer, inflected or one typo away: the index must find exactly
/// what comparing the word with every word of the answer finds, in short answers (compared one
/// by one) and long ones (looked up by one-byte-dropped keys).
@Suite struct AnswerIndexTests {
    /// Positions of `word` found the slow way: same stem, or a long word one typo away.
    func bruteForce(_ word: AnalyzedWord, in words: [AnalyzedWord]) -> [Int] {
        words.indices.filter { index in
            let other = words[index]
            if other.stem == word.stem { return true }
            return word.length >= 6 && other.length >= 5 && other.folded != word.folded
                && EditDistance.withinOne(other.folded, word.folded)
        }
    }

    func randomWord(_ generator: inout some RandomNumberGenerator) -> String {
        let letters = Array("abcdeilnorstu")
        return String((0..<Int.random(in: 4...11, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
    }

    @Test(arguments: [12, 60, 400])
    func findsWhatComparingEveryWordFinds(distinctWords: Int) {
        var generator = SystemRandomNumberGenerator()
        let analyzer = TextAnalyzer()
        var vocabulary = (0..<distinctWords).map { _ in randomWord(&generator) }
        // Typos of words already there: dropped, doubled and swapped letters.
        for word in vocabulary.prefix(distinctWords / 3) where word.count > 6 {
            var dropped = word
            dropped.remove(at: dropped.index(dropped.startIndex, offsetBy: 3))
            var swapped = Array(word)
            swapped.swapAt(2, 3)
            vocabulary += [dropped, word + "s", String(swapped), word.prefix(4) + "x" + word.dropFirst(5)]
        }
        let text = (0..<(distinctWords * 3)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
        let words = analyzer.words(text)
        let index = AnswerIndex(words: words)
        let probes = analyzer.words(vocabulary.joined(separator: " ") + " " + (0..<50).map { _ in randomWord(&generator) }.joined(separator: " "))
        for probe in probes {
            #expect(index.positions(of: probe) == bruteForce(probe, in: words), "\(probe.folded)")
            #expect(index.contains(probe) == !bruteForce(probe, in: words).isEmpty)
        }
    }
}
