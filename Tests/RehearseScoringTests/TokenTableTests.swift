import Testing

@testable import RehearseScoring

/// The table the word caches look tokens up in, by their bytes: it must answer as a dictionary
/// keyed by those bytes would, whatever part of a longer text the bytes are read from.
@Suite struct TokenTableTests {
    static func lookUp(_ table: TokenTable<Int>, _ key: String) -> Int? {
        // Read from inside a longer buffer, as tokens are read from their answer.
        var text = "(" + key + ")"
        let start = text.utf8.distance(from: text.utf8.startIndex, to: text.utf8.firstRange(of: key.utf8)!.lowerBound)
        return text.withUTF8 { bytes -> Int? in
            let token = UnsafeBufferPointer(rebasing: bytes[start..<start + key.utf8.count])
            return table.value(of: token, hash: TokenTable<Int>.hash(token))
        }
    }

    static func hash(_ key: String) -> Int {
        var key = key
        return key.withUTF8(TokenTable<Int>.hash)
    }

    @Test func answersAsADictionaryOfBytesDoes() {
        var generator = SystemRandomNumberGenerator()
        var table = TokenTable<Int>()
        var dictionary: [[UInt8]: Int] = [:]
        let letters = Array("abcé_z")
        for step in 0..<3_000 {
            let key = String((0..<Int.random(in: 1...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            table.set(step, for: key, hash: Self.hash(key))
            dictionary[Array(key.utf8)] = step
            #expect(Self.lookUp(table, key) == step, "\(key)")
        }
        #expect(table.count == dictionary.count)
        for (bytes, value) in dictionary {
            #expect(Self.lookUp(table, String(decoding: bytes, as: UTF8.self)) == value)
        }
        for missing in ["zzzzzzz", "abcabca", "ééééééé"] {
            #expect(Self.lookUp(table, missing) == nil)
        }
        table.removeAll()
        #expect(table.isEmpty && Self.lookUp(table, "a") == nil)
    }

    @Test func spellingsThatCompareEqualAsStringsAreTwoKeys() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        var table = TokenTable<Int>()
        table.set(1, for: composed, hash: Self.hash(composed))
        #expect(Self.lookUp(table, decomposed) == nil)
        table.set(2, for: decomposed, hash: Self.hash(decomposed))
        #expect(Self.lookUp(table, composed) == 1)
        #expect(Self.lookUp(table, decomposed) == 2)
        #expect(table.count == 2)
    }
}
