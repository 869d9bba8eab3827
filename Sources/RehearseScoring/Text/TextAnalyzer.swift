/// Turns text into content words: tokens, identifier pieces, folding, stopwords, stems.
///
/// Holds a ``Stemmer`` and a cache, so it is not thread-safe: one per scorer or per task.
public final class TextAnalyzer {
    private let stemmer = Stemmer()
    /// Folded piece → stem, or `nil` for a dropped word (stopword, single letter).
    private var cache: [String: String?] = [:]
    /// Token as written → its content pieces; answers repeat their words, so most tokens hit.
    private var tokenCache: [String: WordCache.Pieces] = [:]

    /// Tokens other analyzers have analysed, consulted after this one's own cache.
    private let shared: WordCache?
    /// Tokens found in `shared` so far.
    private var sharedHits = 0
    /// How many tokens found in `shared` before they are copied into the own cache too.
    private static let ownCacheAfter = 1_000

    /// Creates an analyzer with its own stemmer; `shared`, when given, holds the tokens of
    /// every analyzer that uses it, so a new analyzer starts warm.
    public init(shared: WordCache? = nil) {
        self.shared = shared
    }

    /// The content words of `text`, in order.
    public func words(_ text: String) -> [AnalyzedWord] {
        var words: [AnalyzedWord] = []
        // About one content word per eight bytes of prose: most answers never grow the array.
        words.reserveCapacity(min(text.utf8.count / 8 + 4, 4_096))
        for token in Tokenizer.tokens(text) {
            for piece in analyze(token) {
                words.append(
                    AnalyzedWord(
                        stem: piece.stem, stemHash: piece.stemHash, folded: piece.folded, surface: piece.surface, span: token.span,
                        length: piece.length, typoBits: piece.typoBits))
            }
        }
        return words
    }

    /// The stems of the content words of `text`, in order.
    public func stems(_ text: String) -> [String] { words(text).map(\.stem) }

    private func analyze(_ token: Token) -> WordCache.Pieces {
        // With a shared cache, the own one starts filling only once this analyzer has met many
        // tokens: a daemon's analyzer scores a handful of answers, and filling a table of its
        // own with every token it met cost more than the shared cache's lock, while a batch's
        // workers score thousands and would take that lock for every word.
        if !tokenCache.isEmpty, let known = tokenCache[token.text] { return known }
        let cacheable = token.text.utf8.count <= Self.cachedLength
        if cacheable, let known = shared?.pieces(of: token.text) {
            sharedHits += 1
            if sharedHits > Self.ownCacheAfter, tokenCache.count < Self.cacheLimit { tokenCache[token.text] = known }
            return known
        }
        var result: WordCache.Pieces = []
        for piece in token.pieces {
            let folded = TextNormalizer.normalize(piece)
            guard let stem = stem(folded) else { continue }
            result.append((stem, AnalyzedWord.hash(ofStem: stem), folded, piece, Self.letterCount(folded), EditDistance.bytes(of: folded)))
        }
        // Bounded in count and in key length, so a megabyte of unique tokens (or one megabyte-long
        // token) cannot grow the cache without limit; long tokens hardly ever repeat anyway.
        if cacheable, shared?.remember(result, for: token.text) != true, tokenCache.count < Self.cacheLimit {
            tokenCache[token.text] = result
        }
        return result
    }

    private func stem(_ folded: String) -> String? {
        if let known = cache[folded] { return known }
        let result: String?
        if Self.letterCount(folded) < 2 || Stopwords.contains(folded) {
            result = nil
        } else if Self.isLetters(folded) {
            result = stemmer.stem(folded)
        } else {
            result = folded  // numbers, c++, v2: stemming would only damage them
        }
        if cache.count < Self.cacheLimit, folded.utf8.count <= Self.cachedLength { cache[folded] = result }
        return result
    }

    /// The most entries each cache holds.
    private static let cacheLimit = 200_000
    /// The longest token or word (in UTF-8 bytes) a cache keeps.
    private static let cachedLength = 100

    /// Characters, counted cheaply for ASCII.
    private static func letterCount(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    private static func isLetters(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        return text.allSatisfy(\.isLetter)
    }
}
