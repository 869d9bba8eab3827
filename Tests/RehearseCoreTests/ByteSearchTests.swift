import Foundation
import RehearseCore
import Testing

/// Replacing text by its bytes, shared by the guide importer, greetings and the API's paths.
@Suite struct ByteSearchTests {
    @Test func replacingByBytesMatchesFoundationOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab:{}é😀 ".unicodeScalars)
        let patterns = ["a", "ab", "aa", "{a}", ":b", "é", "😀a", "zz"]
        for _ in 0..<2_000 {
            let text = String(
                String.UnicodeScalarView((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            let pattern = patterns.randomElement(using: &generator)!
            let replacement = ["", "X", "{count}", "ü"].randomElement(using: &generator)!
            #expect(
                text.replacingBytes(of: pattern, with: replacement) == text.replacingOccurrences(of: pattern, with: replacement),
                "\(text) \(pattern) \(replacement)")
        }
        #expect("no placeholder".replacingBytes(of: "", with: "x") == "no placeholder")
        #expect("aaa".replacingBytes(of: "aa", with: "b") == "ba", "non-overlapping, from the left")
    }
}
