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
            #expect(Array(index.positions(of: probe)) == bruteForce(probe, in: words), "\(probe.folded)")
            #expect(index.contains(probe) == !bruteForce(probe, in: words).isEmpty)
        }
    }

    @Test func oneTypoApartAgreesWithComparingArrays() {
        func reference(_ a: String, _ b: String) -> Bool {
            if a == b { return true }
            let x = Array(a.utf8)
            let y = Array(b.utf8)
            if abs(x.count - y.count) > 1 { return false }
            if x.count == y.count {
                let differences = x.indices.filter { x[$0] != y[$0] }
                if differences.count == 1 { return true }
                return differences.count == 2 && differences[1] == differences[0] + 1
                    && x[differences[0]] == y[differences[1]] && x[differences[1]] == y[differences[0]]
            }
            let (short, long) = x.count < y.count ? (x, y) : (y, x)
            var i = 0
            while i < short.count, short[i] == long[i] { i += 1 }
            return short[i...].elementsEqual(long[(i + 1)...])
        }
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcé")
        for _ in 0..<20_000 {
            let a = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            var b = Array(a)
            switch Int.random(in: 0...4, using: &generator) {
            case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
            case 1: b.insert(letters.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
            case 2 where b.count > 1:
                let at = Int.random(in: 0..<(b.count - 1), using: &generator)
                b.swapAt(at, at + 1)
            case 3 where !b.isEmpty: b[Int.random(in: 0..<b.count, using: &generator)] = letters.randomElement(using: &generator)!
            default: b = (0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            }
            #expect(EditDistance.withinOne(a, String(b)) == reference(a, String(b)), "\(a) \(String(b))")
            // The quick test that skips most comparisons never skips a pair one typo apart.
            if reference(a, String(b)) {
                #expect(EditDistance.mayBeWithinOne(EditDistance.bytes(of: a), EditDistance.bytes(of: String(b))), "\(a) \(String(b))")
            }
        }
    }
}
