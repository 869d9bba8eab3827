import NIOCore
import NIOHTTP1

/// What a connection is doing, for its idle timeout and for closing it when the daemon stops:
/// the requests read and not yet answered, and when something last happened. The rules are
/// those of Hummingbird's connection-state handler, which ``HotRoutes`` stands in for (that
/// handler cannot see the requests answered before Hummingbird). Times are passed in, so tests
/// need no clock.
struct ConnectionActivity {
    /// What to do after a response ended.
    enum AfterResponse: Equatable {
        case keepOpen
        /// Check for idleness then (no check is pending, or one may be: see ``HotRoutes``).
        case checkIdle(at: NIODeadline)
        /// The daemon is stopping and that was the last open request.
        case close
    }

    /// What an idle check finds.
    enum IdleCheck: Equatable {
        /// A request is being answered: its response's end brings the next check.
        case busy
        case close
        case checkAgain(at: NIODeadline)
    }

    let idleTimeout: TimeAmount
    /// Requests read whose response has not ended.
    private(set) var open = 0
    /// Whether a request has been read in part.
    private var reading = false
    /// When a part was last read or a response last ended.
    private(set) var lastActive: NIODeadline
    /// The daemon is stopping: the connection closes once no request is open.
    private(set) var quiescing = false

    /// A connection that opened at `now`.
    init(idleTimeout: TimeAmount, now: NIODeadline) {
        self.idleTimeout = idleTimeout
        lastActive = now
    }

    /// When the connection is idle if nothing happens meanwhile.
    var idleDeadline: NIODeadline { lastActive + idleTimeout }

    /// Notes a part of a request read at `now`.
    mutating func read(_ part: HTTPServerRequestPart, at now: NIODeadline) {
        lastActive = now
        switch part {
        case .head:
            open += 1
            reading = true
        case .end:
            reading = false
        case .body:
            break
        }
    }

    /// Notes that a response ended at `now`.
    mutating func responseEnded(at now: NIODeadline) -> AfterResponse {
        // A response to no request read (Hummingbird's answer to bytes that are not HTTP) ends
        // nothing that was counted.
        open = max(0, open - 1)
        guard open == 0 else { return .keepOpen }
        if quiescing { return .close }
        lastActive = now
        return .checkIdle(at: idleDeadline)
    }

    /// Notes that the daemon is stopping; returns whether to close at once (nothing is open).
    mutating func quiesce() -> Bool {
        quiescing = true
        return open == 0
    }

    /// What an idle check at `now` finds.
    func check(at now: NIODeadline) -> IdleCheck {
        if !reading, open > 0 { return .busy }
        return now >= idleDeadline ? .close : .checkAgain(at: idleDeadline)
    }
}
