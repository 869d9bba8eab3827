/// A session as the store holds it: its row and its transcript lines in order.
public struct StoredSession: Sendable {
    public var id: String
    /// SHA-256 of the session's token; `nil` for a session imported from `practice`.
    public var tokenHash: String?
    public var finished: Bool
    public var fileName: String
    /// How many lines the session has (the `seq` of its last line).
    public var lastSeq: Int
    /// Every line, as written (JSON text without the newline).
    public var lines: [String]
    /// Every input id with a stored reply, including inputs that wrote no line (`/repeat`).
    public var inputIDs: [String] = []
}
