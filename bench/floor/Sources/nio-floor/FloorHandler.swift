import FloorSupport
import NIOCore
import NIOHTTP1

/// Answers each request on its connection's event loop once its reply's bytes are durable:
/// no hop to Swift's pool, no async sequences, no router — HTTP as cheap as NIO makes it.
final class FloorHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let flush: GroupFlush
    private var reply: (bytes: [UInt8], created: Bool)?
    private var keepAlive = true

    init(flush: GroupFlush) {
        self.flush = flush
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
            reply = FloorReplies.reply(method: head.method.rawValue, path: head.uri)
        case .body:
            break
        case .end:
            guard let reply else {
                respond(context, Array(#"{"error":"no such route"}"#.utf8), status: .notFound)
                return
            }
            let loop = context.eventLoop
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
            flush.commit(reply.bytes) {
                loop.execute { bound.value.handler.respond(bound.value.context, reply.bytes, status: reply.created ? .created : .ok) }
            }
        }
    }

    private func respond(_ context: ChannelHandlerContext, _ bytes: [UInt8], status: HTTPResponseStatus) {
        let headers = HTTPHeaders([("Content-Type", "application/json; charset=utf-8"), ("Content-Length", String(bytes.count))])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        let keepAlive = keepAlive
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [channel = context.channel] _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
