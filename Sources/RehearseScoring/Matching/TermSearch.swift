/// Term lookups with the scorer's own rules, for tools that check banks (`rehearse lint`).
public final class TermSearch {
    private let analyzer: TextAnalyzer

    /// Creates a search with its own analyzer; `shared` holds the words other searches (and
    /// scorers) have analysed already.
    public init(shared: WordCache? = nil) {
        analyzer = TextAnalyzer(shared: shared)
    }

    /// `text` indexed for repeated lookups.
    public func index(_ text: String) -> AnswerIndex { AnswerIndex(words: analyzer.words(text)) }

    /// The stems of `text`'s content words.
    public func stems(_ text: String) -> [String] { analyzer.stems(text) }

    /// The folded content words of `text`, before stemming.
    public func foldedWords(_ text: String) -> [String] { analyzer.words(text).map(\.folded) }

    /// The content words of `text`: folded and stemmed.
    public func foldedWordsWithStems(_ text: String) -> [(folded: String, stem: String)] {
        analyzer.words(text).map { ($0.folded, $0.stem) }
    }

    /// Where `term` first matches in the indexed text, in UTF-8 byte offsets, or `nil`.
    public func span(of term: String, in index: AnswerIndex) -> Range<Int>? {
        guard let positions = PhraseMatcher.find(analyzer.words(term), in: index) else { return nil }
        return index.words[positions.lowerBound].span.lowerBound..<index.words[positions.upperBound].span.upperBound
    }

    /// Whether `term` matches in the indexed text, exactly as the scorer would match it.
    public func occurs(_ term: String, in index: AnswerIndex) -> Bool {
        PhraseMatcher.find(analyzer.words(term), in: index) != nil
    }
}
