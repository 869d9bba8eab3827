import Foundation
import Hummingbird
import Logging
import RehearseCore

/// The daemon's HTTP API (docs/api.yaml) and the chat page.
public enum APIRoutes {
    /// The largest body accepted.
    static let bodyLimit = 64 * 1024

    /// Every route and its methods, for 405 answers and for the test that checks docs/api.yaml.
    public static let methods: [(path: String, methods: [String])] = [
        ("/", ["GET"]),
        ("/healthz", ["GET"]),
        ("/v1/scenarios", ["GET"]),
        ("/v1/sessions", ["POST"]),
        ("/v1/sessions/:id", ["GET", "DELETE"]),
        ("/v1/sessions/:id/input", ["POST"]),
        ("/v1/sessions/:id/transcript", ["GET"]),
    ]

    /// A router over `hub`; `authToken`, when set, guards session creation.
    public static func router(hub: SessionHub, settings: HubSettings, authToken: String?) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: APIMiddleware())
        let page = Data(ChatPage.html.utf8)
        let scenarios = settings.catalog.scenarios.map {
            ScenarioSummary($0, in: settings.catalog, defaultCount: settings.questionCount, defaultScenario: settings.defaultScenario)
        }

        router.get("/") { _, _ in JSONResponse.body(.ok, page, contentType: "text/html; charset=utf-8") }
        router.get("/healthz") { _, _ in
            JSONResponse.make(.ok, Health(status: "ok", version: RehearseVersion.current, sessions: hub.liveCount))
        }
        router.get("/v1/scenarios") { _, _ in JSONResponse.make(.ok, ["scenarios": scenarios]) }

        let authHash = authToken.map(SessionToken.hash)
        router.post("/v1/sessions") { request, context in
            if let authHash {
                guard let given = SessionToken.bearer(request.headers[.authorization]),
                      SessionToken.matches(given, hash: authHash) else { throw ServerError.unauthorized }
            }
            let body = try await collect(request)
            let options = body.isEmpty ? CreateSessionRequest() : try StrictJSON.decode(CreateSessionRequest.self, from: body)
            let (session, token) = try await hub.create(options)
            let messages: [WireMessage]
            do { messages = try await session.start() } catch {
                hub.discard(session.id)
                throw error
            }
            context.logger.info("session started", metadata: ["session": "\(session.id)", "scenario": "\(session.scenario)"])
            let reply = SessionReply(id: session.id, token: token, messages: messages, session: await session.state())
            return JSONResponse.make(.created, reply, headers: [.location: "/v1/sessions/\(session.id)"])
        }

        router.post("/v1/sessions/:id/input") { request, context in
            let session = try find(request, context, hub)
            let input = try StrictJSON.decode(InputRequest.self, from: try await collect(request))
            let (messages, state) = try await session.input(input.text, id: input.inputID)
            return reply(session.id, messages, state, hub, context)
        }

        router.get("/v1/sessions/:id") { request, context in
            JSONResponse.make(.ok, try await find(request, context, hub).state())
        }

        router.get("/v1/sessions/:id/transcript") { request, context in
            let session = try find(request, context, hub)
            guard let data = FileManager.default.contents(atPath: await session.path) else {
                throw ServerError.storage("the transcript cannot be read")
            }
            return JSONResponse.body(.ok, data, contentType: "application/x-ndjson; charset=utf-8")
        }

        router.delete("/v1/sessions/:id") { request, context in
            let session = try find(request, context, hub)
            let (messages, state) = try await session.end(reason: "deleted")
            return reply(session.id, messages, state, hub, context)
        }
        return router
    }

    private static func find(_ request: Request, _ context: BasicRequestContext, _ hub: SessionHub) throws -> LiveSession {
        let id = context.parameters.get("id") ?? ""
        return try hub.session(id: id, token: SessionToken.bearer(request.headers[.authorization]))
    }

    private static func reply(_ id: String, _ messages: [WireMessage], _ state: WireSessionState, _ hub: SessionHub, _ context: BasicRequestContext) -> Response {
        if state.status == "finished" {
            hub.ended(id)
            context.logger.info("session ended", metadata: ["session": "\(id)", "reason": "\(state.endReason ?? "")"])
        }
        return JSONResponse.make(.ok, SessionReply(messages: messages, session: state))
    }

    /// The body, refusing anything over the limit before reading it when the length is declared.
    private static func collect(_ request: Request) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            throw ServerError.tooLarge(limit: bodyLimit)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: bodyLimit)
        return Data(buffer.readableBytesView)
    }
}

/// `GET /healthz`.
struct Health: Encodable, Sendable {
    var status: String
    var version: String
    var sessions: Int
}
