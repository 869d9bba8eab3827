import Foundation

/// Whether two words are at most one typo apart: one letter added, removed, changed,
/// or two neighbours swapped.
enum EditDistance {
    static func withinOne(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // Compared in place: copying both words into arrays, for every long word of an answer
        // against every word of a reference, showed in the daemon's profile.
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in withinOne(x, y) } }
    }

    /// Which byte values `word` holds, folded into 64 bits: a cheap first test. One typo adds,
    /// drops or swaps bytes such that the two sets differ in at most two values (folding only
    /// merges differences), so words whose sets differ in more are not compared at all — most
    /// of an answer's words of about the same length as a reference word.
    static func bytes(of word: String) -> UInt64 {
        func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var bits: UInt64 = 0
            for byte in bytes { bits |= 1 << (byte & 63) }
            return bits
        }
        // In place for a native string (every analysed word): walking the UTF-8 view byte by
        // byte cost as much as the comparisons this spares.
        return word.utf8.withContiguousStorageIfAvailable(fold) ?? fold(word.utf8)
    }

    /// `false` when words with these ``bytes(of:)`` are surely more than one typo apart.
    static func mayBeWithinOne(_ a: UInt64, _ b: UInt64) -> Bool { (a ^ b).nonzeroBitCount <= 2 }

    private static func withinOne(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            var first = -1
            var second = -1
            var differences = 0
            for index in 0..<x.count where x[index] != y[index] {
                differences += 1
                switch differences {
                case 1: first = index
                case 2: second = index
                default: return false
                }
            }
            if differences == 1 { return true }
            return differences == 2 && second == first + 1 && x[first] == y[second] && x[second] == y[first]
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var index = 0
        while index < short.count, short[index] == long[index] { index += 1 }
        let rest = short.count - index
        return rest == 0 || memcmp(short.baseAddress! + index, long.baseAddress! + index + 1, rest) == 0
    }
}
