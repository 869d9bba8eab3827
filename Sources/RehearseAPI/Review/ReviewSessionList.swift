/// What `GET /v1/review/sessions` returns: a page of sessions, newest first.
public struct ReviewSessionList: Codable, Sendable, Equatable, APISchema {
    public var sessions: [ReviewSessionSummary]
    /// Pass as `cursor` for the next page; absent on the last.
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sessions
        case nextCursor = "next_cursor"
    }

    public static let schemaName = "ReviewSessions"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a page.
    public init(sessions: [ReviewSessionSummary], nextCursor: String?) {
        self.sessions = sessions
        self.nextCursor = nextCursor
    }
}
