import Synchronization

/// Tokens already analysed, shared by the analyzers of many scorers. A daemon gives each
/// session a scorer of its own (libstemmer is not thread-safe), so each began with empty
/// caches and stemmed every word of every answer again: a third of the cost of scoring an
/// answer there. An analyzer with this cache keeps in its own only what this one refused.
public final class WordCache: Sendable {
    /// A token's content pieces: stem and its hash, folded form, surface form, letter count
    /// and the folded form's ``EditDistance/bytes(of:)``.
    typealias Pieces = [Piece]

    /// One content piece of a token. A struct, not a tuple: each piece taken out of the cached
    /// array as a tuple was copied through outlined copies, four times per word.
    struct Piece: Sendable {
        let stem: String
        let stemHash: Int
        let folded: String
        let surface: String
        let length: Int
        let typoBits: UInt64
    }

    private let entries = Mutex(TokenTable<Pieces>())

    /// The most tokens kept; past it, new ones are analysed but not added. A daemon keeps this
    /// cache for its lifetime, so it holds a working vocabulary (a few thousand words), not
    /// whatever a client sends: 50,000 tokens of at most 100 bytes bound it to some 25 MB.
    static let limit = 50_000

    /// An empty cache.
    public init() {}

    /// The pieces of the token whose UTF-8 is `bytes` (of ``TokenTable/hash(_:)`` `hash`).
    func pieces(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Pieces? {
        entries.withLock { $0.value(of: bytes, hash: hash) }
    }

    /// Keeps `pieces` for `token` (of ``TokenTable/hash(_:)`` `hash` over its UTF-8); `false`
    /// once the cache is full.
    @discardableResult
    func remember(_ pieces: Pieces, for token: String, hash: Int) -> Bool {
        entries.withLock { entries in
            guard entries.count < Self.limit else { return false }
            entries.set(pieces, for: token, hash: hash)
            return true
        }
    }
}
