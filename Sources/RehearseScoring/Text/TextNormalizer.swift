import Foundation

/// Folds text so that what a person typed compares equal to what an author wrote:
/// Unicode NFKC, lowercase, no diacritics, straight quotes and plain dashes.
public enum TextNormalizer {
    /// The folded text. ASCII text takes a fast path that only lowercases.
    public static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        var folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for (fancy, plain) in replacements where folded.contains(fancy) {
            folded = folded.replacingOccurrences(of: fancy, with: plain)
        }
        return folded
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static let replacements: [(String, String)] = [
        ("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
        ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{2212}", "-"),
    ]
}
