import NIOCore
import NIOHTTP1
import Testing

@testable import RehearseServer

/// The idle timeout and stopping rules, with times given by hand.
@Suite struct ConnectionActivityTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
    let head = HTTPServerRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/v1/sessions"))

    func at(_ seconds: Int64) -> NIODeadline { start + .seconds(seconds) }

    @Test func anIdleConnectionClosesAfterTheTimeoutFromItsLastActivity() {
        var activity = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        #expect(activity.check(at: at(30)) == .checkAgain(at: at(60)))
        activity.read(head, at: at(40))
        activity.read(.end(nil), at: at(41))
        let after1 = activity.responseEnded(at: at(42))
        #expect(after1 == .checkIdle(at: at(102)))
        #expect(activity.check(at: at(60)) == .checkAgain(at: at(102)))
        #expect(activity.check(at: at(102)) == .close)
    }

    @Test func aRequestBeingAnsweredIsNotIdleHoweverLongItTakes() {
        var activity = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        activity.read(head, at: at(1))
        activity.read(.end(nil), at: at(1))
        #expect(activity.check(at: at(500)) == .busy)
        let after2 = activity.responseEnded(at: at(500))
        #expect(after2 == .checkIdle(at: at(560)))
    }

    @Test func aRequestWhosePartsStopComingIsIdle() {
        var activity = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        activity.read(head, at: at(1))
        #expect(activity.check(at: at(61)) == .close)
    }

    @Test func pipelinedRequestsKeepItOpenUntilTheLastIsAnswered() {
        var activity = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        for _ in 0..<2 {
            activity.read(head, at: at(1))
            activity.read(.end(nil), at: at(1))
        }
        #expect(activity.open == 2)
        let after3 = activity.responseEnded(at: at(2))
        #expect(after3 == .keepOpen)
        let after4 = activity.responseEnded(at: at(3))
        #expect(after4 == .checkIdle(at: at(63)))
    }

    @Test func stoppingClosesAtOnceWhenNothingIsOpenOrAfterTheLastResponse() {
        var idle = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        let closesIdle = idle.quiesce()
        #expect(closesIdle)

        var busy = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        busy.read(head, at: at(1))
        busy.read(.end(nil), at: at(1))
        busy.read(head, at: at(1))
        let closesBusy = busy.quiesce()
        #expect(!closesBusy)
        let after5 = busy.responseEnded(at: at(2))
        #expect(after5 == .keepOpen)
        busy.read(.end(nil), at: at(2))
        let after6 = busy.responseEnded(at: at(3))
        #expect(after6 == .close)
    }

    @Test func aResponseToNothingReadCountsNothing() {
        var activity = ConnectionActivity(idleTimeout: .seconds(60), now: start)
        let after7 = activity.responseEnded(at: at(1))
        #expect(after7 == .checkIdle(at: at(61)))
        #expect(activity.open == 0)
        activity.read(head, at: at(2))
        #expect(activity.open == 1)
    }
}
