import Foundation
import Logging
import RehearseAPI

/// The files store: sessions in this daemon's memory, each with its transcript file.
extension SessionHub: SessionStore {
    public nonisolated func start(_ request: CreateSessionRequest) async throws(ServerError) -> SessionCreated {
        let (session, token) = try create(request)
        let messages: [WireMessage]
        do { messages = try await session.start() } catch {
            discard(session.id)
            throw error
        }
        return SessionCreated(id: session.id, token: token, messages: messages, session: await session.state())
    }

    public nonisolated func respond(
        to text: String, inputID: String?, session id: String, token: String?
    ) async throws(ServerError) -> EncodedReply {
        let (messages, state, json) = try await loadedSession(id: id, token: token).input(text, id: inputID)
        if state.status == .finished { ended(id) }
        return EncodedReply(reply: SessionReply(messages: messages, session: state), json: json)
    }

    public nonisolated func state(session id: String, token: String?) async throws(ServerError) -> WireSessionState {
        try await loadedSession(id: id, token: token).state()
    }

    public nonisolated func transcript(session id: String, token: String?) async throws(ServerError) -> Data {
        let path = try transcriptPath(id: id, token: token)
        guard let data = FileManager.default.contents(atPath: path) else { throw .storage("the transcript \(path) cannot be read") }
        return data
    }

    public nonisolated func end(session id: String, token: String?) async throws(ServerError) -> SessionReply {
        let (messages, state) = try await loadedSession(id: id, token: token).end(reason: .deleted)
        ended(id)
        return SessionReply(messages: messages, session: state)
    }

    public nonisolated func health() async -> StoreHealth {
        StoreHealth(kind: "files", reachable: true, liveSessions: liveCount)
    }
}
