import Synchronization

/// Tokens already analysed, shared by the analyzers of many scorers. A daemon gives each
/// session a scorer of its own (libstemmer is not thread-safe), so each began with empty
/// caches and stemmed every word of every answer again: a third of the cost of scoring an
/// answer there. An analyzer with this cache keeps in its own only what this one refused.
public final class WordCache: Sendable {
    /// A token's content pieces: stem and its hash, folded form, surface form, letter count
    /// and the folded form's ``EditDistance/bytes(of:)``.
    typealias Pieces = [Piece]
    typealias Piece = (stem: String, stemHash: Int, folded: String, surface: String, length: Int, typoBits: UInt64)

    private let entries = Mutex<[String: Pieces]>([:])

    /// The most tokens kept; past it, new ones are analysed but not added. A daemon keeps this
    /// cache for its lifetime, so it holds a working vocabulary (a few thousand words), not
    /// whatever a client sends: 50,000 tokens of at most 100 bytes bound it to some 25 MB.
    static let limit = 50_000

    /// An empty cache.
    public init() {}

    func pieces(of token: String) -> Pieces? {
        entries.withLock { $0[token] }
    }

    /// Keeps `pieces` for `token`; `false` once the cache is full.
    @discardableResult
    func remember(_ pieces: Pieces, for token: String) -> Bool {
        entries.withLock { entries in
            guard entries.count < Self.limit else { return false }
            entries[token] = pieces
            return true
        }
    }
}
