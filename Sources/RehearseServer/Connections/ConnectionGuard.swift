import NIOCore
import NIOHTTPTypes

/// Sits after the HTTP decoder on each connection: closes it when the daemon has too many, or
/// when a request is not read in full in time. Hummingbird's idle timeout, which also sits after
/// the decoder, already closes a connection whose headers trickle in (no part is decoded); this
/// adds a deadline from a request's first part to its last, for bodies that trickle.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let count: ConnectionCount
    private var admitted = false
    private var deadline: Scheduled<Void>?

    init(count: ConnectionCount) {
        self.count = count
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard count.admit() else {
            context.close(promise: nil)
            return
        }
        admitted = true
        arm(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if admitted {
            admitted = false
            count.release()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            arm(context)
        case .end:
            // Between requests only the idle timeout applies: closing an idle keep-alive
            // connection early would race clients about to reuse it.
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        let timeout = count.limits.requestTimeout
        deadline = context.eventLoop.scheduleTask(
            in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        ) {
            channel.close(promise: nil)
        }
    }
}
