import Synchronization

/// A session's token hash, and the last token that matched it: every request of a session
/// carries the same token, and hashing it again at each one (SHA-256 and hex) was 2% of the
/// daemon's work per answer. The token itself is kept in memory only, as the requests carry
/// it; transcripts and the database still hold only the hash.
final class VerifiedToken: Sendable {
    /// The hex SHA-256 of the session's token.
    let hash: String
    private let lastMatch = Mutex<[UInt8]?>(nil)

    /// A check against `hash`.
    init(hash: String) {
        self.hash = hash
    }

    /// Whether `token` is the session's token; compared in constant time either way.
    func accepts(_ token: String) -> Bool {
        let given = Array(token.utf8)
        if let known = lastMatch.withLock({ $0 }), SessionToken.sameBytes(known, given) { return true }
        guard SessionToken.matches(token, hash: hash) else { return false }
        lastMatch.withLock { $0 = given }
        return true
    }
}
