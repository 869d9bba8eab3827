import FloorSupport
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Usage: nio-floor FOLDER. The same routes, replies and group commit as hummingbird-floor,
/// served by a plain NIO HTTP/1 pipeline on half the cores as event loops: what HTTP and
/// durability would cost without Hummingbird's async layer (`NIO_FLOOR=… bash bench/serve_wrk.sh`).
@main
enum NIOFloor {
    static func main() async throws {
        let flush = try FloorCommand.flush(program: "nio-floor")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: FloorCommand.eventLoops)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                do {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FloorHandler(flush: flush))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        FloorCommand.listening(port: channel.localAddress?.port)
        try await channel.closeFuture.get()
    }
}
