import Testing

@testable import RehearseScoring

/// The table scoring looks stems up in must answer as a `[String: …]` dictionary would, however
/// the hashes fall: equal hashes, hashes equal in their low bits, and while it grows.
@Suite struct StemTableTests {
    @Test func answersAsADictionaryDoes() {
        var generator = SystemRandomNumberGenerator()
        var table = StemTable<Int>()
        var dictionary: [String: Int] = [:]
        let letters = Array("abcdeéz")
        for step in 0..<3_000 {
            let stem = String((0..<Int.random(in: 1...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let hash = AnalyzedWord.hash(ofStem: stem)
            let (index, inserted) = table.insert(stem, hash: hash, value: step)
            #expect(inserted == (dictionary[stem] == nil), "\(stem)")
            if inserted { dictionary[stem] = step }
            #expect(table[index] == dictionary[stem], "\(stem)")
            #expect(table.entries[index].stem == stem)
        }
        #expect(table.count == dictionary.count)
        for (stem, value) in dictionary {
            #expect(table.value(of: stem, hash: AnalyzedWord.hash(ofStem: stem)) == value)
        }
        for missing in ["", "zzzzzzz", "abcdefg", "ééééééé"] {
            #expect(!table.contains(missing, hash: AnalyzedWord.hash(ofStem: missing)))
        }
    }

    /// Stems with the same hash, or hashes that differ only above the slots' mask, are told
    /// apart by comparing the stems; a stem looked up with another stem's hash is not found.
    @Test(arguments: [0, 1 << 40])
    func collidingHashesStayApart(step: Int) {
        var table = StemTable<Int>(minimumCapacity: 4)
        let stems = (0..<100).map { "stem\($0)" }
        for (position, stem) in stems.enumerated() {
            let added = table.insert(stem, hash: 7 &+ position &* step, value: position)
            #expect(added == (position, true))
        }
        for (position, stem) in stems.enumerated() {
            #expect(table.index(of: stem, hash: 7 &+ position &* step) == position)
            let again = table.insert(stem, hash: 7 &+ position &* step, value: -1)
            #expect(again == (position, false))
            #expect(table[position] == position, "an insert of a stem already there keeps its value")
        }
        #expect(!table.contains("stem100", hash: 7))
        if step != 0 { #expect(!table.contains("stem1", hash: 7)) }
    }

    /// Stems that are equal as `String`s (composed and decomposed accents) are one entry, as
    /// in a dictionary.
    @Test func canonicallyEqualStemsAreOne() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        var table = StemTable<Void>()
        let first = table.insert(composed, hash: AnalyzedWord.hash(ofStem: composed))
        let second = table.insert(decomposed, hash: AnalyzedWord.hash(ofStem: decomposed))
        #expect(first && !second)
        #expect(table.count == 1)
    }

    /// An answer's stems, each once, in the order they first occur, with the hash its words carry.
    @Test func anAnswerListsItsStemsOnce() {
        let words = TextAnalyzer().words("Indexes speed reads; an index slows writes, and reads index pages.")
        let index = AnswerIndex(words: words)
        var seen: [String] = []
        for word in words where !seen.contains(word.stem) { seen.append(word.stem) }
        #expect(index.stems.map(\.stem) == seen)
        #expect(index.stems.allSatisfy { $0.hash == AnalyzedWord.hash(ofStem: $0.stem) })
        for word in words {
            #expect(Array(index.positions(of: word)) == words.indices.filter { words[$0].stem == word.stem })
        }
    }
}
