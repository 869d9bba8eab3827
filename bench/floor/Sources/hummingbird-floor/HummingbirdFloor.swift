import FloorSupport
import Foundation
import Hummingbird
import NIOPosix

/// Usage: hummingbird-floor FOLDER. Serves the routes bench/sessions.lua calls, with replies as
/// long as the daemon's (created 856 bytes, an answer's ~1,250, a session's end ~8,960), each
/// made durable by group commit in FOLDER before it goes out, on half the cores as event loops
/// (as `rehearse serve`). Prints "listening on URL" like the daemon.
@main
enum HummingbirdFloor {
    static func main() async throws {
        let flush = try FloorCommand.flush(program: "hummingbird-floor")
        let router = Router()
        router.post("/v1/sessions") { request, _ in try await durable(FloorReplies.created, request, flush, .created) }
        router.post("/v1/sessions/:id/input") { request, _ in try await durable(FloorReplies.answered, request, flush) }
        router.delete("/v1/sessions/:id") { request, _ in try await durable(FloorReplies.ended, request, flush) }

        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: FloorCommand.eventLoops)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in FloorCommand.listening(port: channel.localAddress?.port) },
            eventLoopGroupProvider: .shared(eventLoops))
        try await app.runService()
    }

    /// Reads the body, waits until `bytes` are durable, then replies with them.
    static func durable(_ bytes: [UInt8], _ request: Request, _ flush: GroupFlush, _ status: HTTPResponse.Status = .ok) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: 64 * 1024)
        await flush.commit(bytes)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
