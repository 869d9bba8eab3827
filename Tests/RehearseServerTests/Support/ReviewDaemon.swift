import Foundation
import Hummingbird
import HummingbirdTesting
import RehearseAPI
import RehearseCore

@testable import RehearseServer

/// A daemon's router with the reviewers' routes on, over a store of either kind, on
/// Hummingbird's in-process client.
enum ReviewDaemon {
    static let token = "reviewer-token-0123456789abcdef"

    /// Runs `body` with the daemon and its store; `nil` when PostgreSQL is asked for and missing.
    static func with<T: Sendable>(
        _ kind: StoreKind, learning: Bool = true, reviewToken: String? = token,
        _ body: @escaping @Sendable (InProcessDaemon, any SessionStore) async throws -> T
    ) async throws -> T? {
        var made = TestStores.settings()
        if learning { made.learned = LearnedSamples() }
        let settings = made
        return try await TestStores.with(kind, settings: settings) { store in
            let router = APIRoutes.router(store: store, settings: settings, authToken: nil, reviewToken: reviewToken)
            let app = Application(router: router, logger: .quiet)
            return try await app.test(.router) { client in
                try await body(InProcessDaemon(client: client, folder: settings.transcriptsFolder), store)
            }
        }
    }
}

extension InProcessDaemon {
    /// A reviewer's call, with the review token unless `token` says otherwise.
    func review(
        _ method: String, _ path: String, body: String? = nil, token: String? = ReviewDaemon.token
    ) async throws -> (
        status: Int, body: Data, headers: [String: String]
    ) {
        try await send(method, path, body: body, token: token)
    }

    /// A reply's JSON object.
    static func object(_ body: Data) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
    }

    /// Sends `text` to the session and returns the reply's JSON.
    @discardableResult
    func answer(_ text: String, id: String, token: String) async throws -> [String: Any] {
        let body = String(decoding: try JSONEncoder().encode(InputRequest(text: text)), as: UTF8.self)
        let reply = try await send("POST", APIRoute.input.path(id: id), body: body, token: token)
        guard reply.status == 200 else { throw APIError.badRequest("\(reply.status): \(TestDaemon.error(reply.body))") }
        return try Self.object(reply.body)
    }

    /// The scorer's grades in a reply, in order.
    static func scores(_ reply: [String: Any]) -> [Double] {
        (reply["messages"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "feedback" }.compactMap { $0["score"] as? Double }
    }
}
