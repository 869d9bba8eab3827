/// Turns text into content words: tokens, identifier pieces, folding, stopwords, stems.
///
/// Holds a ``Stemmer`` and a cache, so it is not thread-safe: one per scorer or per task.
public final class TextAnalyzer {
    private let stemmer = Stemmer()
    /// Folded piece → stem, or `nil` for a dropped word (stopword, single letter).
    private var cache: [String: String?] = [:]
    /// Token as written (its bytes) → its content pieces; answers repeat their words, so most
    /// tokens hit.
    private var tokenCache = TokenTable<WordCache.Pieces>()

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
        var text = text
        text.withUTF8 { bytes in
            // Each token looked up by its bytes: a `String` is made only of one not met before.
            var index = 0
            while let span = Tokenizer.nextSpan(in: bytes, from: &index) {
                for piece in analyze(UnsafeBufferPointer(rebasing: bytes[span])) {
                    words.append(
                        AnalyzedWord(
                            stem: piece.stem, stemHash: piece.stemHash, folded: piece.folded, surface: piece.surface, span: span,
                            length: piece.length, typoBits: piece.typoBits))
                }
            }
        }
        return words
    }

    /// The stems of the content words of `text`, in order.
    public func stems(_ text: String) -> [String] { words(text).map(\.stem) }

    /// The content pieces of the token whose UTF-8 is `token`.
    private func analyze(_ token: UnsafeBufferPointer<UInt8>) -> WordCache.Pieces {
        // Only tokens this short are kept, so only they are looked for.
        let cacheable = token.count <= Self.cachedLength
        let hash = cacheable ? TokenTable<WordCache.Pieces>.hash(token) : 0
        // With a shared cache, the own one starts filling only once this analyzer has met many
        // tokens: a daemon's analyzer scores a handful of answers, and filling a table of its
        // own with every token it met cost more than the shared cache's lock, while a batch's
        // workers score thousands and would take that lock for every word.
        if cacheable, !tokenCache.isEmpty, let known = tokenCache.value(of: token, hash: hash) { return known }
        if cacheable, let known = shared?.pieces(of: token, hash: hash) {
            sharedHits += 1
            if sharedHits > Self.ownCacheAfter, tokenCache.count < Self.cacheLimit {
                tokenCache.set(known, for: String(decoding: token, as: UTF8.self), hash: hash)
            }
            return known
        }
        let text = String(decoding: token, as: UTF8.self)
        var result: WordCache.Pieces = []
        for piece in Tokenizer.pieces(of: text) {
            let folded = TextNormalizer.normalize(piece)
            guard let stem = stem(folded) else { continue }
            result.append(
                WordCache.Piece(
                    stem: stem, stemHash: AnalyzedWord.hash(ofStem: stem), folded: folded, surface: piece, length: Self.letterCount(folded),
                    typoBits: EditDistance.bytes(of: folded)))
        }
        // Bounded in count and in key length, so a megabyte of unique tokens (or one megabyte-long
        // token) cannot grow the cache without limit; long tokens hardly ever repeat anyway.
        if cacheable, shared?.remember(result, for: text, hash: hash) != true, tokenCache.count < Self.cacheLimit {
            tokenCache.set(result, for: text, hash: hash)
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
