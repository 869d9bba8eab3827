/// Finds whether a concept's term occurs in a text, comparing stemmed content words.
public final class TermMatcher {
    private let analyzer: TextAnalyzer

    /// Creates a matcher with its own analyzer.
    public init(analyzer: TextAnalyzer = TextAnalyzer()) {
        self.analyzer = analyzer
    }

    /// Whether every content word of `term` occurs in `text`, in order and side by side.
    /// A term of stopwords only never matches.
    public func occurs(_ term: String, in text: String) -> Bool {
        occurs(term, inStems: analyzer.stems(text))
    }

    /// Same as ``occurs(_:in:)`` against stems already computed, for checking many terms.
    public func occurs(_ term: String, inStems stems: [String]) -> Bool {
        let needle = analyzer.stems(term)
        guard !needle.isEmpty, needle.count <= stems.count else { return false }
        return (0...(stems.count - needle.count)).contains { start in
            stems[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// The stems of `text`, to pass to ``occurs(_:inStems:)``.
    public func stems(_ text: String) -> [String] { analyzer.stems(text) }
}
