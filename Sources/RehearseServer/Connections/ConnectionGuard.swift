import NIOCore
import NIOHTTP1

/// Sits right after the HTTP decoder on each connection (``ConnectionSetup`` puts it there):
/// closes it when the daemon has too many, or when a request is not read in full in time. The
/// idle timeout already closes a connection whose headers trickle in (no part is decoded);
/// this adds a deadline from a request's first part to its last, for bodies that trickle.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let count: ConnectionCount
    private var admitted = false
    /// When the request being read must be in; `nil` between requests.
    private var due: NIODeadline?
    /// The connection's one timer. It is re-armed when it fires before `due`, never cancelled
    /// per request: a task scheduled and cancelled for every request was most of this
    /// handler's cost, on the event loop every connection shares.
    private var timer: Scheduled<Void>?

    init(count: ConnectionCount) {
        self.count = count
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard count.admit() else {
            context.close(promise: nil)
            return
        }
        admitted = true
        requestStarts(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        due = nil
        if admitted {
            admitted = false
            count.release()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requestStarts(context)
        case .end:
            // Between requests only the idle timeout applies: closing an idle keep-alive
            // connection early would race clients about to reuse it.
            due = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
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
        // The task runs on this connection's event loop, where the handler lives.
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: deadline) { bound.value.handler.fire(bound.value.context) }
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
