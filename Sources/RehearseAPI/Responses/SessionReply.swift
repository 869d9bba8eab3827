/// What every call on a session returns (`POST …/input`, `DELETE …`): the interviewer's
/// messages and where the session now stands.
public struct SessionReply: Codable, Sendable, Equatable, APISchema {
    /// What the interviewer says, in order.
    public var messages: [WireMessage]
    /// Where the session stands after them.
    public var session: WireSessionState

    /// Creates a reply.
    public init(messages: [WireMessage], session: WireSessionState) {
        self.messages = messages
        self.session = session
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case messages, session
    }

    public static let schemaName = "Reply"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
