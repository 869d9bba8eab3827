import Foundation
import Logging
import RehearseClient
import RehearseCore

@testable import RehearseServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real daemon on a free loopback port, in this process, over a fresh transcripts folder.
struct TestDaemon {
    let url: String
    let folder: String
    let client: DaemonClient
    /// Requests answered on the event loop rather than by the router.
    let hotRoutes: HotRouteCounter
    private let task: Task<Void, any Error>

    static let catalog: Catalog = try! CatalogLoader.load(.builtin).validCatalog()

    /// Starts a daemon; `folder` reuses a transcripts folder (a restart).
    /// `hotRoutes: false` sends every request through the router (see ``HotRoutes``).
    static func start(
        folder: String? = nil, maxSessions: Int = 100, idleTimeout: Double = 1800, authToken: String? = nil, connections: ConnectionLimits? = nil,
        identities: SessionIdentities = .random, hotRoutes: Bool = true
    ) async throws -> TestDaemon {
        let folder = folder ?? NSTemporaryDirectory() + "rehearse-serve-\(UUID().uuidString)"
        let logger = Logger.quiet
        var settings = HubSettings(catalog: catalog, transcriptsFolder: folder, maxSessions: maxSessions, idleTimeout: idleTimeout)
        settings.identities = identities
        var daemon = Daemon(host: "127.0.0.1", port: 0, authToken: authToken, settings: settings, logger: logger, connections: connections)
        daemon.answersOnEventLoop = hotRoutes
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let task = Task { try await daemon.run { continuation.yield($0) } }
        var iterator = stream.makeAsyncIterator()
        guard let url = await iterator.next() else { throw ClientError.badURL("daemon did not start") }
        return TestDaemon(url: url, folder: folder, client: try DaemonClient(url: url), hotRoutes: daemon.hotRoutes, task: task)
    }

    /// Stops it as SIGTERM would: requests in flight finish, transcripts are flushed.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// A request with the status and body, whatever the status.
    func send(
        _ method: String, _ path: String, body: String? = nil, token: String? = nil
    ) async throws -> (status: Int, body: Data, headers: [String: String]) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let body { request.httpBody = Data(body.utf8) }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, data, headers)
    }

    /// The `code` of an error body.
    static func code(_ body: Data) -> String {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?["code"] as? String ?? ""
    }

    /// The `error` of a JSON error body.
    static func error(_ body: Data) -> String {
        (try? JSONDecoder().decode([String: String].self, from: body))?["error"] ?? String(decoding: body, as: UTF8.self)
    }

    /// Creates a session and returns its id and token.
    func create(_ body: String = #"{"seed": 7, "count": 2}"#) async throws -> (id: String, token: String, json: [String: Any]) {
        let reply = try await send("POST", "/v1/sessions", body: body)
        guard reply.status == 201, let json = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
            let id = json["id"] as? String, let token = json["token"] as? String
        else {
            throw ClientError.refused(status: reply.status, code: nil, message: Self.error(reply.body))
        }
        return (id, token, json)
    }
}

/// Runs blocking client calls (the REPL's client waits on a semaphore) off the concurrency
/// pool, which on a 2-core machine has only two threads and also runs the daemon.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

extension Logger {
    /// A logger that keeps the daemon's expected warnings out of the test output.
    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}
