import FloorSupport
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Usage: nio-floor FOLDER. The same routes, replies and group commit as hummingbird-floor,
/// served by a plain NIO HTTP/1 pipeline on half the cores as event loops: what HTTP and
/// durability would cost without Hummingbird's async layer (`FLOOR=… bash bench/serve_wrk.sh`).
@main
enum NIOFloor {
    static func main() async throws {
        guard CommandLine.arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: nio-floor FOLDER\n".utf8))
            exit(2)
        }
        let flush = try GroupFlush(path: CommandLine.arguments[1] + "/journal")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))
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
        FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
        try await channel.closeFuture.get()
    }
}
