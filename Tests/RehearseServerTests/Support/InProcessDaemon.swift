import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RehearseAPI

@testable import RehearseServer

/// The daemon's router on Hummingbird's in-process test client: the same middleware, routes
/// and hub as `rehearse serve`, without a socket, for tests about what the API answers.
/// Tests about connections, restarts and the REPL client keep a real socket (``TestDaemon``).
struct InProcessDaemon: Sendable {
    let client: any TestClientProtocol
    let folder: String

    /// Runs `body` against a fresh daemon over a fresh transcripts folder, removed afterwards.
    /// `folder` puts the transcripts in a given place (left there afterwards).
    static func with<T: Sendable>(
        maxSessions: Int = 100, authToken: String? = nil, folder given: String? = nil,
        _ body: @escaping @Sendable (InProcessDaemon) async throws -> T
    ) async throws -> T {
        let folder = given ?? NSTemporaryDirectory() + "rehearse-inprocess-\(UUID().uuidString)"
        defer { if given == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let settings = HubSettings(catalog: TestDaemon.catalog, transcriptsFolder: folder, maxSessions: maxSessions)
        let router = APIRoutes.router(store: SessionHub(settings: settings), settings: settings, authToken: authToken)
        let app = Application(router: router, logger: .quiet)
        return try await app.test(.router) { client in try await body(InProcessDaemon(client: client, folder: folder)) }
    }

    /// A request with the status, body and headers (names lower-cased), whatever the status.
    func send(
        _ method: String, _ path: String, body: String? = nil, token: String? = nil
    ) async throws -> (status: Int, body: Data, headers: [String: String]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let body { headers[.contentLength] = String(body.utf8.count) }
        let response = try await client.execute(
            uri: path, method: HTTPRequest.Method(method) ?? .get, headers: headers, body: body.map { ByteBuffer(string: $0) })
        var names: [String: String] = [:]
        for field in response.headers { names[field.name.canonicalName] = field.value }
        return (Int(response.status.code), Data(response.body.readableBytesView), names)
    }

    /// Creates a session and returns its id and token.
    func create(_ body: String = #"{"seed": 7, "count": 2}"#) async throws -> (id: String, token: String, created: SessionCreated) {
        let reply = try await send("POST", APIRoute.sessions.path(), body: body)
        guard reply.status == 201 else { throw APIError.badRequest("\(reply.status): \(TestDaemon.error(reply.body))") }
        let created = try JSONDecoder().decode(SessionCreated.self, from: reply.body)
        return (created.id, created.token, created)
    }
}
