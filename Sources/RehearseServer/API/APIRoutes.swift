import Foundation
import Hummingbird
import Logging
import RehearseAPI
import RehearseCore

/// The daemon's HTTP API (docs/api.yaml) and the chat page.
public enum APIRoutes {
    /// The largest body accepted.
    static let bodyLimit = 64 * 1024

    /// A router over `store`; `authToken`, when set, guards session creation, and
    /// `reviewToken`, when set, turns the reviewers' routes on.
    public static func router(
        store: any SessionStore, settings: HubSettings, authToken: String?, reviewToken: String? = nil, clock: any SessionClock = SystemClock()
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: APIMiddleware(reviewRoutes: reviewToken != nil))
        let page = Data(ChatPage.html.utf8)
        let scenarios = settings.catalog.scenarios.map {
            ScenarioSummary($0, in: settings.catalog, defaultCount: settings.defaults.questionCount, defaultScenario: settings.defaults.scenario)
        }

        router.get(.page) { _, _ in JSONResponse.body(.ok, page, contentType: "text/html; charset=utf-8") }
        router.get(.health) { _, _ in
            let health = await store.health()
            let reply = Health(
                status: health.reachable ? "ok" : "unavailable", version: RehearseVersion.current, sessions: health.liveSessions,
                store: health.kind)
            return JSONResponse.make(health.reachable ? .ok : .serviceUnavailable, reply)
        }
        let scenarioList = ScenarioList(scenarios: scenarios)
        router.get(.scenarios) { _, _ in JSONResponse.make(.ok, scenarioList) }

        let authHash = authToken.map(SessionToken.hash)
        router.post(.sessions) { request, context in
            if let authHash, !SessionToken.authorizes(request.headers[.authorization], hash: authHash) { throw ServerError.unauthorized }
            let body = try await collect(request)
            let options = body.isEmpty ? CreateSessionRequest() : try decode(CreateSessionRequest.self, from: body)
            let reply = try await store.start(options)
            context.logger.info("session started", metadata: ["session": "\(reply.id)", "scenario": "\(reply.session.scenario)"])
            return JSONResponse.make(.created, reply, headers: [.location: APIRoute.session.path(id: reply.id)])
        }

        router.post(.input) { request, context in
            let (id, token) = identify(request, context)
            let body = try await collect(request)
            let input = try InputRequest.quick(body) ?? decode(InputRequest.self, from: body)
            let answered = try await store.respond(to: input.text, inputID: input.inputID, session: id, token: token)
            return logged(answered.reply, json: answered.json, context)
        }

        router.get(.session) { request, context in
            let (id, token) = identify(request, context)
            return JSONResponse.make(.ok, try await store.state(session: id, token: token))
        }

        router.get(.transcript) { request, context in
            let (id, token) = identify(request, context)
            let data = try await store.transcript(session: id, token: token)
            return JSONResponse.body(.ok, data, contentType: "application/x-ndjson; charset=utf-8")
        }

        router.delete(.session) { request, context in
            let (id, token) = identify(request, context)
            return logged(try await store.end(session: id, token: token), context)
        }
        if let reviewToken {
            ReviewRoutes.add(to: router, service: ReviewService(store: store, learned: settings.learned, clock: clock), reviewToken: reviewToken)
        }
        return router
    }

    private static func identify(_ request: Request, _ context: BasicRequestContext) -> (id: String, token: String?) {
        (context.parameters.get("id") ?? "", SessionToken.bearer(request.headers[.authorization]))
    }

    private static func logged(_ reply: SessionReply, json: Data? = nil, _ context: BasicRequestContext) -> Response {
        if reply.session.status == .finished, reply.messages.contains(where: { $0.type == .closing }) {
            context.logger.info(
                "session ended", metadata: ["session": "\(reply.session.id)", "reason": "\(reply.session.endReason?.rawValue ?? "")"])
        }
        if let json { return JSONResponse.body(.ok, json, contentType: "application/json; charset=utf-8") }
        return JSONResponse.make(.ok, reply)
    }

    /// A request body decoded by the API contract's strict rules.
    private static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ServerError) -> T {
        do { return try StrictJSON.decode(type, from: data) } catch { throw ServerError(error) }
    }

    /// The body, refusing anything over the limit before reading it when the length is declared.
    static func collect(_ request: Request) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            throw ServerError.tooLarge(limit: bodyLimit)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: bodyLimit)
        return Data(buffer.readableBytesView)
    }
}
