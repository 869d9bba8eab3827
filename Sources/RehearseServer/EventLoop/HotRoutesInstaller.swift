import Hummingbird
import HummingbirdCore
import NIOCore

/// Puts ``HotRoutes`` right after Hummingbird's connection-state handler once a connection is
/// set up: Hummingbird adds its own handlers after the ones it is given, and the state handler
/// must see every request and reply, or it would close a busy connection as idle. Then it
/// leaves the pipeline. Without that handler (another Hummingbird), every request goes to the
/// router as before.
final class HotRoutesInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let makeRoutes: () -> HotRoutes

    init(_ makeRoutes: @escaping () -> HotRoutes) {
        self.makeRoutes = makeRoutes
    }

    func channelActive(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let state = try? pipeline.handler(type: HTTPConnectionStateHandler.self) {
            try? pipeline.addHandler(makeRoutes(), position: .after(state))
        }
        context.fireChannelActive()
        pipeline.removeHandler(context: context, promise: nil)
    }
}
