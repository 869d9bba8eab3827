import Foundation
import RehearseAPI
import RehearseCore

/// A session held by a daemon, driven like a local one: the REPL cannot tell the difference.
/// A failed call becomes a warning and the input can be typed again; nothing is dropped silently.
public final class RemoteSession: InterviewDriver {
    private let client: DaemonClient
    /// The session's id on the daemon.
    public let id: String
    private let token: String
    private let first: [WireMessage]
    private var state: WireSessionState
    private var receivedAt = Date()
    /// The last input not known to have reached the daemon, and its id.
    private var pending: (text: String, id: String)?

    /// Starts a session on the daemon; `authToken` is the daemon's, when it needs one.
    public init(client: DaemonClient, options: CreateSessionRequest, authToken: String? = nil) throws {
        let created = try client.call("POST", APIRoute.sessions.path(), body: options, token: authToken, as: SessionCreated.self)
        self.client = client
        id = created.id
        token = created.token
        first = created.messages
        state = created.session
    }

    public func start() -> [SessionMessage] { convert(first) }

    public func handle(_ input: String) -> [SessionMessage] {
        // The id makes a resend safe: if the daemon recorded the input but the reply was lost,
        // it answers the resend with that reply instead of taking it as the next answer.
        // The same text sent again after a failure keeps its id.
        let inputID = pending.flatMap { $0.text == input ? $0.id : nil } ?? UUID().uuidString
        pending = (input, inputID)
        let (messages, answered) = send("POST", APIRoute.input.path(id: id), body: InputRequest(text: input, inputID: inputID))
        if answered { pending = nil }
        return messages
    }

    public func finish(reason: String) -> [SessionMessage] {
        if isFinished { return [] }
        return send("DELETE", APIRoute.session.path(id: id), body: nil).messages
    }

    /// Inputs the daemon refused because it could not save them.
    public private(set) var unsavedInputs = 0

    public var isFinished: Bool { state.status == .finished }

    public var awaitingFollowUp: Bool { state.status == .followUp }

    /// Counted on from the daemon's last figure, so the prompt's clock moves between calls.
    public var secondsLeft: Int? {
        state.secondsLeft.map { $0 - Int(Date().timeIntervalSince(receivedAt)) }
    }

    /// The interviewer's name, from the greeting.
    public var interviewer: String { first.first { $0.type == .greeting }?.interviewer ?? "Interviewer" }

    /// The messages to show, and whether the daemon answered at all (a refusal is an answer;
    /// an unreachable daemon is not, so the input may or may not have been recorded).
    private func send(_ method: String, _ path: String, body: InputRequest?) -> (messages: [SessionMessage], answered: Bool) {
        do {
            let reply = try withRetries { try client.call(method, path, body: body, token: token, as: SessionReply.self) }
            state = reply.session
            receivedAt = Date()
            return (convert(reply.messages), true)
        } catch ClientError.refused(let status, let code, _) where code == .sessionNotFound || (code == nil && status == 404) {
            state.status = .finished
            return ([.warning("the daemon no longer has this session (it was restarted without its transcripts, or ended it)")], true)
        } catch ClientError.refused(let status, let code, let message) {
            if code == .storage { unsavedInputs += 1 }
            return ([.warning("the daemon said \(status): \(message)")], true)
        } catch {
            return ([.warning("\(error); if the daemon recorded that input, sending it again (↑ recalls it) only repeats its reply")], false)
        }
    }

    /// Tries again while the daemon is unreachable (a restart takes a second or two) or says
    /// its session store is (a database restart); the same input id goes each time, so an
    /// input is recorded once however many tries it takes.
    private func withRetries<T>(_ call: () throws -> T) throws -> T {
        var delay = 0.25
        while true {
            do {
                return try call()
            } catch ClientError.unreachable where delay <= 4 {
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            } catch ClientError.refused(_, .unavailable, _) where delay <= 4 {
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
        }
    }

    private func convert(_ messages: [WireMessage]) -> [SessionMessage] {
        messages.compactMap(\.message)
    }
}
