/// Where session ids and tokens come from: random by default; a test injects its own so two
/// runs of one seeded session write identical transcripts.
public struct SessionIdentities: Sendable {
    /// A new session id.
    public var makeID: @Sendable () -> String
    /// A new session token (only its hash is stored).
    public var makeToken: @Sendable () -> String

    /// Identities from `makeID` and `makeToken`.
    public init(makeID: @escaping @Sendable () -> String, makeToken: @escaping @Sendable () -> String) {
        self.makeID = makeID
        self.makeToken = makeToken
    }

    /// 128-bit random ids and 256-bit random tokens.
    public static let random = SessionIdentities(makeID: SessionToken.makeID, makeToken: SessionToken.make)
}
