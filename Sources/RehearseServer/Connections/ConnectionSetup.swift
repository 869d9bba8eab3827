import NIOCore
import NIOHTTP1

/// Puts ``HotRoutes`` (for the files store) or else ``ConnectionGuard`` right after NIO's HTTP
/// decoder once a connection is set up, then leaves the pipeline. Either one counts the
/// connection and enforces the request deadline (``RequestDeadline``). Hummingbird adds the
/// handlers it is given after its conversion to Swift HTTP Types; these must come before it,
/// to see every request as it was decoded (the hot routes answer theirs without the conversion).
final class ConnectionSetup: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let count: ConnectionCount
    private let makeRoutes: ((RequestDeadline) -> HotRoutes)?

    /// A setup adding the handler `makeRoutes` makes (given the connection's deadline, counted
    /// in `count`), or a guard counted in `count` when there is none.
    init(count: ConnectionCount, routes makeRoutes: ((RequestDeadline) -> HotRoutes)?) {
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
        do {
            if let makeRoutes {
                try pipeline.addHandler(makeRoutes(RequestDeadline(count: count)), position: .after(decoder))
            } else {
                try pipeline.addHandler(ConnectionGuard(count: count), position: .after(decoder))
            }
        } catch {
            context.close(promise: nil)
            return
        }
        // Refused (too many connections): closed already, nothing more to set up.
        guard context.channel.isActive else { return }
        context.fireChannelActive()
        pipeline.removeHandler(context: context, promise: nil)
    }
}
