/// `GET /healthz`: liveness and the number of live sessions.
public struct Health: Codable, Sendable, Equatable, APISchema {
    /// Always `ok` while the daemon answers.
    public var status: String
    /// The daemon's version.
    public var version: String
    /// Live (unfinished) sessions.
    public var sessions: Int

    /// Creates a health reply.
    public init(status: String = "ok", version: String, sessions: Int) {
        self.status = status
        self.version = version
        self.sessions = sessions
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case status, version, sessions
    }

    public static let schemaName = "Health"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
