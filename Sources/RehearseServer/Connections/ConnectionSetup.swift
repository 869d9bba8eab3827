import NIOCore
import NIOHTTP1

/// Puts ``ConnectionGuard`` and, for the files store, ``HotRoutes`` right after NIO's HTTP
/// decoder once a connection is set up, then leaves the pipeline. Hummingbird adds the handlers
/// it is given after its conversion to Swift HTTP Types; these must come before it, to see
/// every request as it was decoded (the hot routes answer theirs without the conversion).
final class ConnectionSetup: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let count: ConnectionCount
    private let makeRoutes: (() -> HotRoutes)?

    /// A setup adding a guard counted in `count`, and the handler `makeRoutes` makes, if any.
    init(count: ConnectionCount, routes makeRoutes: (() -> HotRoutes)?) {
        self.count = count
        self.makeRoutes = makeRoutes
    }

    func channelActive(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) else {
            // Not the HTTP/1 pipeline this was made for: nothing would guard it.
            context.close(promise: nil)
            return
        }
        let guardHandler = ConnectionGuard(count: count)
        do {
            try pipeline.addHandler(guardHandler, position: .after(decoder))
            // Refused (too many connections): closed already, nothing more to set up.
            guard context.channel.isActive else { return }
            if let makeRoutes { try pipeline.addHandler(makeRoutes(), position: .after(guardHandler)) }
        } catch {
            context.close(promise: nil)
            return
        }
        context.fireChannelActive()
        pipeline.removeHandler(context: context, promise: nil)
    }
}
