/// `GET /healthz`: liveness and the number of live sessions.
public struct Health: Codable, Sendable, Equatable, APISchema {
    /// `ok`, or `unavailable` (with status 503) while the session store cannot be reached.
    public var status: String
    /// The daemon's version.
    public var version: String
    /// Live (unfinished) sessions: this daemon's with the files store, every daemon's with
    /// PostgreSQL.
    public var sessions: Int
    /// Where sessions are kept: `files` or `postgres`.
    public var store: String

    /// Creates a health reply.
    public init(status: String = "ok", version: String, sessions: Int, store: String = "files") {
        self.status = status
        self.version = version
        self.sessions = sessions
        self.store = store
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case status, version, sessions, store
    }

    public static let schemaName = "Health"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
