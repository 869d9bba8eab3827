import NIOCore
import NIOHTTP1

/// A connection's place in the daemon-wide count, and the deadline of the request being read:
/// what ``ConnectionGuard`` enforces, kept apart from it so ``HotRoutes`` can enforce the same
/// in its own handler. A handler of its own cost every request part a hop down the pipeline
/// and a dynamic cast out of `NIOAny`, about 1% of the daemon's instructions per answer.
///
/// The idle timeout already closes a connection whose headers trickle in (no part is decoded);
/// this adds a deadline from a request's first part to its last, for bodies that trickle.
/// Used on the connection's event loop only.
final class RequestDeadline {
    private let count: ConnectionCount
    private var admitted = false
    /// When the request being read must be in; `nil` between requests.
    private var due: NIODeadline?
    /// The connection's one timer. It is re-armed when it fires before `due`, never cancelled
    /// per request: a task scheduled and cancelled for every request was most of the guard's
    /// cost, on the event loop every connection shares.
    private var timer: Scheduled<Void>?

    init(count: ConnectionCount) {
        self.count = count
    }

    /// Counts the connection and starts the clock for its first request; closes it and returns
    /// `false` when the daemon has too many.
    func added(_ context: ChannelHandlerContext) -> Bool {
        guard count.admit() else {
            context.close(promise: nil)
            return false
        }
        admitted = true
        requestStarts(context)
        return true
    }

    /// Uncounts the connection and stops its timer.
    func removed() {
        timer?.cancel()
        timer = nil
        due = nil
        if admitted {
            admitted = false
            count.release()
        }
    }

    /// Notes a request part as it is read.
    func read(_ part: HTTPServerRequestPart, _ context: ChannelHandlerContext) {
        switch part {
        case .head:
            requestStarts(context)
        case .end:
            // Between requests only the idle timeout applies: closing an idle keep-alive
            // connection early would race clients about to reuse it.
            due = nil
        case .body:
            break
        }
    }

    private func requestStarts(_ context: ChannelHandlerContext) {
        let timeout = count.limits.requestTimeout
        let deadline =
            NIODeadline.now()
            + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        due = deadline
        if timer == nil { schedule(context, at: deadline) }
    }

    private func schedule(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        // The task runs on this connection's event loop, where the handler using this lives.
        let bound = NIOLoopBound((deadline: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: deadline) { bound.value.deadline.fire(bound.value.context) }
    }

    private func fire(_ context: ChannelHandlerContext) {
        timer = nil
        guard let due else { return }
        if NIODeadline.now() < due {
            schedule(context, at: due)  // a later request started since this timer was set
        } else {
            context.channel.close(promise: nil)
        }
    }
}
