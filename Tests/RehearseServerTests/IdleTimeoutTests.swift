import Foundation
import Logging
import RehearseAPI
import RehearseCore
import RehearseTestSupport
import Testing

@testable import RehearseServer

@Suite("Idle sessions expire")
struct IdleTimeoutTests {
    @Test("a session idle for the timeout is ended with the reason; an active one is kept")
    func expiry() async throws {
        let folder = NSTemporaryDirectory() + "rehearse-idle-\(UUID().uuidString)"
        let clock = ManualClock()
        let hub = SessionHub(settings: HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: folder, idleTimeout: 600), clock: clock)
        let (idle, _) = try hub.create(CreateSessionRequest())
        let (busy, _) = try hub.create(CreateSessionRequest())
        _ = try await idle.start()
        _ = try await busy.start()
        clock.advance(400)
        _ = try await busy.handle("/hint")
        clock.advance(300)
        #expect(await hub.reapIdle(logger: Logger.quiet) == 1)
        let idleEnded = await idle.isFinished
        let busyEnded = await busy.isFinished
        #expect(idleEnded && !busyEnded)
        #expect(hub.liveCount == 1)
        #expect(await idle.state().endReason == .idleTimeout)
        let log = try TranscriptReader.read(idle.path)
        #expect(log.end?.reason == "idle timeout")
    }
}
