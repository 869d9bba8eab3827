import RehearseCore

/// What session calls return: the interviewer's messages and where the session now stands;
/// `id` and `token` only when the session is created.
struct SessionReply: Encodable, Sendable {
    var id: String?
    var token: String?
    var messages: [WireMessage]
    var session: WireSessionState
}
