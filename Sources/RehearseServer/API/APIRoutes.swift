import Foundation
import Hummingbird
import Logging
import RehearseAPI
import RehearseCore

/// The daemon's HTTP API (docs/api.yaml) and the chat page.
public enum APIRoutes {
    /// The largest body accepted.
    static let bodyLimit = 64 * 1024

    /// A router over `hub`; `authToken`, when set, guards session creation.
    public static func router(hub: SessionHub, settings: HubSettings, authToken: String?) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: APIMiddleware())
        let page = Data(ChatPage.html.utf8)
        let scenarios = settings.catalog.scenarios.map {
            ScenarioSummary($0, in: settings.catalog, defaultCount: settings.defaults.questionCount, defaultScenario: settings.defaults.scenario)
        }

        router.get(.page) { _, _ in JSONResponse.body(.ok, page, contentType: "text/html; charset=utf-8") }
        router.get(.health) { _, _ in
            JSONResponse.make(.ok, Health(version: RehearseVersion.current, sessions: hub.liveCount))
        }
        let scenarioList = ScenarioList(scenarios: scenarios)
        router.get(.scenarios) { _, _ in JSONResponse.make(.ok, scenarioList) }

        let authHash = authToken.map(SessionToken.hash)
        router.post(.sessions) { request, context in
            if let authHash {
                guard let given = SessionToken.bearer(request.headers[.authorization]),
                    SessionToken.matches(given, hash: authHash)
                else { throw ServerError.unauthorized }
            }
            let body = try await collect(request)
            let options = body.isEmpty ? CreateSessionRequest() : try decode(CreateSessionRequest.self, from: body)
            let (session, token) = try await hub.create(options)
            let messages: [WireMessage]
            do { messages = try await session.start() } catch {
                hub.discard(session.id)
                throw error
            }
            context.logger.info("session started", metadata: ["session": "\(session.id)", "scenario": "\(session.scenario)"])
            let reply = SessionCreated(id: session.id, token: token, messages: messages, session: await session.state())
            return JSONResponse.make(.created, reply, headers: [.location: APIRoute.session.path(id: session.id)])
        }

        router.post(.input) { request, context in
            let session = try find(request, context, hub)
            let input = try decode(InputRequest.self, from: try await collect(request))
            let (messages, state) = try await session.input(input.text, id: input.inputID)
            return reply(session.id, messages, state, hub, context)
        }

        router.get(.session) { request, context in
            JSONResponse.make(.ok, try await find(request, context, hub).state())
        }

        router.get(.transcript) { request, context in
            let session = try find(request, context, hub)
            guard let data = FileManager.default.contents(atPath: await session.path) else {
                throw ServerError.storage("the transcript cannot be read")
            }
            return JSONResponse.body(.ok, data, contentType: "application/x-ndjson; charset=utf-8")
        }

        router.delete(.session) { request, context in
            let session = try find(request, context, hub)
            let (messages, state) = try await session.end(reason: .deleted)
            return reply(session.id, messages, state, hub, context)
        }
        return router
    }

    private static func find(_ request: Request, _ context: BasicRequestContext, _ hub: SessionHub) throws -> LiveSession {
        let id = context.parameters.get("id") ?? ""
        return try hub.session(id: id, token: SessionToken.bearer(request.headers[.authorization]))
    }

    private static func reply(
        _ id: String, _ messages: [WireMessage], _ state: WireSessionState, _ hub: SessionHub, _ context: BasicRequestContext
    ) -> Response {
        if state.status == .finished {
            hub.ended(id)
            context.logger.info("session ended", metadata: ["session": "\(id)", "reason": "\(state.endReason?.rawValue ?? "")"])
        }
        return JSONResponse.make(.ok, SessionReply(messages: messages, session: state))
    }

    /// A request body decoded by the API contract's strict rules.
    private static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ServerError) -> T {
        do { return try StrictJSON.decode(type, from: data) } catch { throw ServerError(error) }
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
