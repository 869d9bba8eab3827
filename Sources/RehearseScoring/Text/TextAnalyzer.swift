/// Splits text into stemmed content words, the unit all matching works on.
///
/// Holds a ``Stemmer``, so it is not thread-safe either: one per scorer or per task.
public final class TextAnalyzer {
    private let stemmer = Stemmer()
    private var cache: [String: String] = [:]

    /// Creates an analyzer with its own stemmer.
    public init() {}

    /// The stems of the content words of `text`, in order. Code identifiers such as
    /// `select_related` or `django.db.models` yield their parts, so prose can name them.
    public func stems(_ text: String) -> [String] {
        words(TextNormalizer.normalize(text)).compactMap { word in
            Stopwords.contains(word) ? nil : stem(word)
        }
    }

    /// Lowercase runs of letters and digits.
    func words(_ normalized: String) -> [String] {
        normalized.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private func stem(_ word: String) -> String {
        if let known = cache[word] { return known }
        let stemmed = stemmer.stem(word)
        cache[word] = stemmed
        return stemmed
    }
}
