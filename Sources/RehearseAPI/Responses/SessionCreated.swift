/// `POST /v1/sessions` → 201: the session's id, its token (shown only here, never stored),
/// the greeting and first question, and where the session stands.
public struct SessionCreated: Codable, Sendable, Equatable, APISchema {
    /// The session id, for the paths of every later call.
    public var id: String
    /// The bearer token every later call on this session sends.
    public var token: String
    /// The greeting and the first question.
    public var messages: [WireMessage]
    /// Where the session stands.
    public var session: WireSessionState

    /// Creates the reply.
    public init(id: String, token: String, messages: [WireMessage], session: WireSessionState) {
        self.id = id
        self.token = token
        self.messages = messages
        self.session = session
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, token, messages, session
    }

    public static let schemaName = "Created"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
