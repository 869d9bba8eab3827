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
}
