import NIOCore
import NIOHTTP1

/// Sits right after the HTTP decoder on each connection that has no ``HotRoutes`` (which does
/// the same itself; ``ConnectionSetup`` puts one or the other there): closes it when the daemon
/// has too many, or when a request is not read in full in time (``RequestDeadline``).
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let deadline: RequestDeadline

    init(count: ConnectionCount) {
        deadline = RequestDeadline(count: count)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = deadline.added(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline.removed()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline.read(unwrapInboundIn(data), context)
        context.fireChannelRead(data)
    }
}
