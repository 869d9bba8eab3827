import Foundation
import Logging
import RehearseAPI
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseServer

@Suite("Ended sessions in memory")
struct EndedSessionMemoryTests {
    /// A hub keeping `kept` ended sessions in memory, with `count` sessions started and ended;
    /// each ended one's id, token and state as its end left it.
    private func endedSessions(
        count: Int, kept: Int, clock: ManualClock
    ) async throws -> (hub: SessionHub, ended: [(id: String, token: String, state: WireSessionState)]) {
        var settings = HubSettings(
            catalog: TestDaemon.catalog, transcriptsFolder: NSTemporaryDirectory() + "rehearse-ended-\(UUID().uuidString)", idleTimeout: 600)
        settings.keptEndedSessions = kept
        let hub = SessionHub(settings: settings, clock: clock)
        var ended: [(id: String, token: String, state: WireSessionState)] = []
        for _ in 0..<count {
            let created = try await hub.start(CreateSessionRequest())
            _ = try await hub.respond(to: "a hash map with buckets", inputID: "a-\(ended.count)", session: created.id, token: created.token)
            clock.advance(1)
            let reply = try await hub.end(session: created.id, token: created.token)
            ended.append((created.id, created.token, reply.session))
        }
        return (hub, ended)
    }

    @Test("past the limit the oldest leave memory, and are read back from their transcripts unchanged")
    func readBack() async throws {
        let clock = ManualClock()
        let (hub, ended) = try await endedSessions(count: 4, kept: 2, clock: clock)
        #expect(hub.sessions.warmCount == 2)
        #expect(hub.liveCount == 0)
        let oldest = ended[0]
        #expect(hub.sessions[oldest.id] == nil)
        let path = try #require(hub.sessions.coldPath(of: oldest.id))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let state = try await hub.state(session: oldest.id, token: oldest.token)
        #expect(state == oldest.state)
        #expect(state.status == .finished && state.closing != nil)
        // Back in memory, pushing out the oldest of the others; its file is as it was.
        #expect(hub.sessions[oldest.id] != nil && hub.sessions.coldPath(of: oldest.id) == nil)
        #expect(hub.sessions.warmCount == 2)
        #expect(hub.sessions[ended[2].id] == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let second = try #require(hub.sessions.coldPath(of: ended[1].id))
        #expect(try await hub.transcript(session: ended[1].id, token: ended[1].token) == Data(contentsOf: URL(fileURLWithPath: second)))
        #expect(try await hub.state(session: ended[2].id, token: ended[2].token) == ended[2].state)
    }

    @Test("a wrong token reads nothing back, and a forgotten session is gone from disk lookups too")
    func strangersAndForgetting() async throws {
        let clock = ManualClock()
        let (hub, ended) = try await endedSessions(count: 3, kept: 1, clock: clock)
        let oldest = ended[0]
        await #expect(throws: ServerError.sessionNotFound) { try await hub.state(session: oldest.id, token: ended[1].token) }
        await #expect(throws: ServerError.sessionNotFound) { try await hub.state(session: oldest.id, token: nil) }
        #expect(hub.sessions[oldest.id] == nil)

        clock.advance(601)
        _ = await hub.reapIdle(logger: Logger.quiet)
        #expect(hub.sessions.coldPath(of: oldest.id) == nil)
        #expect(hub.sessions.warmCount == 0)
        for session in ended {
            await #expect(throws: ServerError.sessionNotFound) { try await hub.state(session: session.id, token: session.token) }
        }
    }

    @Test("asked for at once by two requests, a session out of memory is read back once and found by both")
    func concurrentReadBack() async throws {
        let clock = ManualClock()
        let (hub, ended) = try await endedSessions(count: 3, kept: 1, clock: clock)
        let oldest = ended[0]
        async let first = hub.state(session: oldest.id, token: oldest.token)
        async let second = hub.state(session: oldest.id, token: oldest.token)
        let (a, b) = try await (first, second)
        #expect(a == oldest.state && b == oldest.state)
        #expect(hub.sessions.warmCount == 1)
    }

    @Test("a transcript is read without bringing its session back; a resend gets the usual answer; a removed file is forgotten")
    func transcriptsResendsAndRemovedFiles() async throws {
        let clock = ManualClock()
        let (hub, ended) = try await endedSessions(count: 3, kept: 1, clock: clock)
        let path = try #require(hub.sessions.coldPath(of: ended[0].id))
        #expect(try await hub.transcript(session: ended[0].id, token: ended[0].token) == Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(hub.sessions.coldPath(of: ended[0].id) == path)
        await #expect(throws: ServerError.sessionNotFound) { try await hub.transcript(session: ended[0].id, token: ended[1].token) }

        let resent = try await hub.respond(to: "a hash map with buckets", inputID: "a-0", session: ended[0].id, token: ended[0].token)
        #expect(resent.reply.messages.first?.text == "That was already recorded; its reply is no longer kept.")

        let second = try #require(hub.sessions.coldPath(of: ended[1].id))
        try FileManager.default.removeItem(atPath: second)
        await #expect(throws: ServerError.sessionNotFound) { try await hub.state(session: ended[1].id, token: ended[1].token) }
        #expect(hub.sessions.coldPath(of: ended[1].id) == nil)
    }

    @Test("after a restart, ended sessions are remembered by path and read back when asked for")
    func afterRestart() async throws {
        let clock = ManualClock()
        let (hub, ended) = try await endedSessions(count: 3, kept: 3, clock: clock)
        await hub.closeAll()
        var settings = hub.settings
        settings.keptEndedSessions = 1
        let restarted = SessionHub(settings: settings, clock: clock)
        _ = try await restarted.recover(logger: Logger.quiet)
        #expect(restarted.sessions.warmCount == 0)
        for session in ended { #expect(restarted.sessions.coldPath(of: session.id) != nil) }
        #expect(try await restarted.state(session: ended[1].id, token: ended[1].token) == ended[1].state)
        #expect(restarted.sessions.warmCount == 1)
    }
}
