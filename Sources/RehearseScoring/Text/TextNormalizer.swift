import Foundation

/// Folds text so that what a person typed compares equal to what an author wrote:
/// Unicode NFKC, lowercase, no diacritics, straight quotes and plain dashes.
public enum TextNormalizer {
    /// The folded text.
    public static func normalize(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for (fancy, plain) in replacements where folded.contains(fancy) {
            folded = folded.replacingOccurrences(of: fancy, with: plain)
        }
        return folded
    }

    private static let replacements: [(String, String)] = [
        ("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
        ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{2212}", "-"),
    ]
}
