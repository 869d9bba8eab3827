import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTPTypes
import RehearseAPI

/// Answers the three requests every interview makes (``HotRoute``) on the connection's event
/// loop, where the session runs: the engine's work, the transcript's lines and the reply all
/// happen there, and the only other thread is the journal's flusher. Through Hummingbird each
/// of them went from the event loop to Swift's pool and back, through async sequences and the
/// router: about 40% of what HTTP and durability cost per answer (bench/floor, `nio-floor`).
///
/// Sits after Hummingbird's connection-state handler, so idle timeouts and graceful shutdown
/// count these requests too. Anything it does not answer straight away — another route, a body
/// the quick reader does not take, an unknown session or a wrong token, a session busy with
/// another input or on another event loop, an input id seen before — goes on to Hummingbird
/// unchanged, whose answer is the same as before. Responses keep the requests' order: while
/// Hummingbird has a response to finish, every request goes to it, and while this handler is
/// answering, later requests wait (and no more are read).
final class HotRoutes: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let hub: SessionHub
    /// The hash of the token that guards session creation, if one does.
    private let authHash: String?
    private let logger: Logger
    private let counter: HotRouteCounter?

    private enum Phase {
        case idle
        /// The current request goes to Hummingbird.
        case forwarding
        /// A hot request whose body is being read.
        case collecting(HTTPRequest, HotRoute, ByteBuffer)
        /// Its reply is being made.
        case answering
    }

    /// What comes from the connection, in order.
    private enum Inbound {
        case part(HTTPRequestPart)
        /// Such as the client closing its side.
        case event(Any)
        /// Such as a request that could not be decoded.
        case error(any Error)
    }

    private var phase = Phase.idle
    /// Requests handed to Hummingbird whose response has not ended yet.
    private var forwardedOpen = 0
    /// What came while answering (a client that pipelines, or closes its side after sending),
    /// taken in order once the reply is out.
    private var waiting = CircularBuffer<Inbound>()
    /// A read the channel asked for while answering, made once the reply is out.
    private var readHeld = false
    /// The connection closed: a reply still being committed is not written.
    private var closed = false

    init(hub: SessionHub, authHash: String?, logger: Logger, counter: HotRouteCounter? = nil) {
        self.hub = hub
        self.authHash = authHash
        self.logger = logger
        self.counter = counter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        take(.part(unwrapInboundIn(data)), context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        take(.event(event), context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        take(.error(error), context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        closed = true
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { forwardedOpen -= 1 }
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        if case .answering = phase {
            readHeld = true
        } else {
            context.read()
        }
    }

    private func take(_ inbound: Inbound, _ context: ChannelHandlerContext) {
        if case .answering = phase { return waiting.append(inbound) }
        guard case .part(let part) = inbound else {
            // It ends the request being read, if any: the router gets that as it came, then this
            // (a malformed chunk then gets the router's answer).
            if case .collecting(let head, _, let body) = phase { handOver(head, body, context) }
            switch inbound {
            case .part(let part): return forward(part, context)
            case .event(let event): return context.fireUserInboundEventTriggered(event)
            case .error(let error): return context.fireErrorCaught(error)
            }
        }
        switch phase {
        case .answering:
            waiting.append(inbound)
        case .forwarding:
            forward(part, context)
        case .idle:
            guard case .head(let head) = part, forwardedOpen == 0, let route = HotRoute(head), Self.fits(head) else {
                return forward(part, context)
            }
            phase = .collecting(head, route, context.channel.allocator.buffer(capacity: 0))
        case .collecting(let head, let route, var body):
            switch part {
            case .head, .end(.some):
                // Not what the decoder hands on after a head; the router says what is wrong.
                handOver(head, body, context)
                forward(part, context)
            case .body(let chunk):
                phase = .idle  // so `body` is not copied when it grows
                guard body.readableBytes + chunk.readableBytes <= APIRoutes.bodyLimit else {
                    handOver(head, body, context)
                    return forward(part, context)
                }
                body.writeImmutableBuffer(chunk)
                phase = .collecting(head, route, body)
            case .end(nil):
                phase = .answering
                // Queued behind the replies whose lines became durable meanwhile, rather than
                // run within this read: the loop reads every ready connection before its
                // queue, so under load new requests' work would delay those replies.
                let request = HotRequest(head: head, started: .now)
                let bound = NIOLoopBound((handler: self, context: context, body: body), eventLoop: context.eventLoop)
                context.eventLoop.execute { bound.value.handler.answer(route, request, bound.value.body, bound.value.context) }
            }
        }
    }

    /// Whether a declared length is within the limit (the router refuses it otherwise).
    private static func fits(_ head: HTTPRequest) -> Bool {
        guard let length = head.headerFields.value(of: .contentLength) else { return true }
        return Int(length).map { $0 <= APIRoutes.bodyLimit } ?? false
    }

    private func forward(_ part: HTTPRequestPart, _ context: ChannelHandlerContext) {
        switch part {
        case .head:
            forwardedOpen += 1
            phase = .forwarding
        case .end:
            phase = .idle
        case .body:
            break
        }
        context.fireChannelRead(wrapInboundOut(part))
    }

    /// Hands a request read so far to Hummingbird, as it came.
    private func handOver(_ head: HTTPRequest, _ body: ByteBuffer, _ context: ChannelHandlerContext) {
        forward(.head(head), context)
        if body.readableBytes > 0 { forward(.body(body), context) }
    }

    /// Hands a whole request to Hummingbird, then goes on with what waited.
    private func handOverWhole(_ head: HTTPRequest, _ body: ByteBuffer, _ context: ChannelHandlerContext) {
        phase = .idle
        // Closed while the request waited for its turn: nobody is there for the router's answer.
        guard !closed else { return }
        handOver(head, body, context)
        forward(.end(nil), context)
        context.fireChannelReadComplete()
        resume(context)
    }

    private func answer(_ route: HotRoute, _ request: HotRequest, _ body: ByteBuffer, _ context: ChannelHandlerContext) {
        // The client left before its turn: nobody waits for the reply, and nothing it sent was
        // acknowledged, so nothing is done (a resend is handled afresh).
        guard !closed else {
            phase = .idle
            return
        }
        let head = request.head
        switch route {
        case .input(let id):
            guard let input = InputRequest.quick(Data(buffer: body, byteTransferStrategy: .noCopy)),
                let session = try? hub.session(id: id, token: SessionToken.bearer(head.headerFields.value(of: .authorization)))
            else { return handOverWhole(head, body, context) }
            run(.input(input.text, id: input.inputID), on: session, request, body, context) { [hub] reply in
                if reply.session.status == .finished { hub.ended(id) }
                return (.ok, reply.jsonBytes, [:])
            }
        case .end(let id):
            guard let session = try? hub.session(id: id, token: SessionToken.bearer(head.headerFields.value(of: .authorization))) else {
                return handOverWhole(head, body, context)
            }
            run(.end(.deleted), on: session, request, body, context) { [hub] reply in
                hub.ended(id)
                return (.ok, reply.jsonBytes, [:])
            }
        case .create:
            create(head, body, request, context)
        }
    }

    private func create(_ head: HTTPRequest, _ body: ByteBuffer, _ request: HotRequest, _ context: ChannelHandlerContext) {
        if let authHash {
            guard SessionToken.authorizes(head.headerFields.value(of: .authorization), hash: authHash) else {
                return handOverWhole(head, body, context)
            }
        }
        let options: CreateSessionRequest
        if body.readableBytes == 0 {
            options = CreateSessionRequest()
        } else {
            let data = Data(buffer: body, byteTransferStrategy: .noCopy)
            guard let decoded = CreateSessionRequest.quick(data) ?? (try? StrictJSON.decode(CreateSessionRequest.self, from: data))
            else { return handOverWhole(head, body, context) }
            options = decoded
        }
        let session: LiveSession
        let token: String
        do {
            (session, token) = try hub.create(options, on: context.eventLoop)
        } catch {
            return respond(.failure(error), request, context)
        }
        let (hub, logger) = (hub, logger)
        let started: (SessionReply) -> Reply = { reply in
            // The request's logger is made only when the line is written (at the default level).
            if logger.logLevel <= .info {
                request.logger(logger).info("session started", metadata: ["session": "\(session.id)", "scenario": "\(session.scenario)"])
            }
            let created = SessionCreated(id: session.id, token: token, messages: reply.messages, session: reply.session)
            return (.created, created.jsonBytes, [.location: APIRoute.session.path(id: session.id)])
        }
        // Made here: the router must not make it again.
        run(.start, on: session, request, body, context, mayHandOver: false, onFailure: { hub.discard(session.id) }, reply: started)
    }

    /// What a hot request's reply is made of.
    private typealias Reply = (status: HTTPResponse.Status, body: [UInt8], headers: HTTPFields)

    /// What became of a request in its session's turn.
    private enum Outcome: Sendable {
        /// The session could not take it now: the router's turn.
        case handOver
        /// Refused before anything was written.
        case refused(ServerError)
        /// Its lines were committed, or the commit failed and the session undid it.
        case concluded(Result<SessionReply, ServerError>)
    }

    /// Runs `work` in `session`'s turn on the session's event loop — this connection's, or
    /// another with a hop there and back (a session made through the router, or recovered
    /// after a restart) — waits off the loop for its lines to become durable, then ends the
    /// turn and answers with `reply`, or with the error that undid the request.
    private func run(
        _ work: LiveSession.HotWork, on session: LiveSession, _ request: HotRequest, _ body: ByteBuffer,
        _ context: ChannelHandlerContext, mayHandOver: Bool = true, onFailure: (() -> Void)? = nil,
        reply: @escaping (SessionReply) -> Reply
    ) {
        let here = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context, reply: reply, onFailure: onFailure), eventLoop: here)
        let deliver: @Sendable (Outcome) -> Void = { outcome in
            let finish: @Sendable () -> Void = {
                let (handler, context, reply, onFailure) = bound.value
                handler.finish(outcome, session, request, body, context, mayHandOver: mayHandOver, onFailure: onFailure, reply: reply)
            }
            if here.inEventLoop { finish() } else { here.execute(finish) }
        }
        let start: @Sendable () -> Void = {
            guard let begun = session.assumeIsolated({ $0.beginHot(work) }) else { return deliver(.handOver) }
            switch begun {
            case .failure(let error):
                deliver(.refused(error))
            case .success(let commitment):
                commitment.commit { result in
                    session.loop.execute { deliver(.concluded(session.assumeIsolated { $0.concludeHot(result) })) }
                }
            }
        }
        if session.loop === here { start() } else { session.loop.execute(start) }
    }

    private func finish(
        _ outcome: Outcome, _ session: LiveSession, _ request: HotRequest, _ body: ByteBuffer, _ context: ChannelHandlerContext,
        mayHandOver: Bool, onFailure: (() -> Void)?, reply: (SessionReply) -> Reply
    ) {
        switch outcome {
        case .handOver where mayHandOver:
            handOverWhole(request.head, body, context)
        case .handOver:
            onFailure?()
            respond(.failure(.storage("session \(session.id) could not start")), request, context)
        case .refused(let error), .concluded(.failure(let error)):
            onFailure?()
            respond(.failure(error), request, context)
        case .concluded(.success(let answered)):
            respond(.success(reply(answered)), request, context)
            if logger.logLevel <= .info, answered.session.status == .finished, answered.messages.contains(where: { $0.type == .closing }) {
                request.logger(logger).info(
                    "session ended", metadata: ["session": "\(session.id)", "reason": "\(answered.session.endReason?.rawValue ?? "")"])
            }
        }
    }

    /// The fields every JSON reply carries, checked once: setting them one by one on each
    /// reply looked each name up and checked each value again.
    private static let jsonReplyFields = JSONResponse.jsonFields([.server: Daemon.serverName])

    /// The fixed fields with a reply's own (`Location`, `Retry-After`, `Allow`,
    /// `WWW-Authenticate`: never one of the fixed or per-reply names), before the per-reply
    /// length, request id and date are appended.
    private static func replyFields(_ own: HTTPFields) -> HTTPFields {
        assert(!own.contains { [.contentType, .cacheControl, .server, .contentLength, .requestID, .date].contains($0.name) })
        var fields = jsonReplyFields
        fields.append(contentsOf: own)
        return fields
    }

    /// Writes the reply (with the headers the router's replies carry), then takes what waited.
    private func respond(_ outcome: Result<Reply, ServerError>, _ request: HotRequest, _ context: ChannelHandlerContext) {
        phase = .idle
        guard !closed else { return }
        let reply: Reply
        switch outcome {
        case .success(let made):
            reply = made
        case .failure(let error):
            if case .storage(let detail) = error { request.logger(logger).error("storage failed", metadata: ["detail": "\(detail)"]) }
            reply = (error.status, Array(JSONResponse.errorData(error.body)), JSONResponse.headers(for: error))
        }
        var fields = Self.replyFields(reply.headers)
        fields.append(HTTPField(name: .contentLength, value: String(reply.body.count)))
        fields.append(HTTPField(name: .requestID, value: request.id))
        fields.append(HTTPDate.field())
        var buffer = context.channel.allocator.buffer(capacity: reply.body.count)
        buffer.writeBytes(reply.body)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: reply.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(buffer)), promise: nil)
        // Counted before the reply leaves, so a client that has it sees the count.
        counter?.add()
        request.log(reply.status, to: logger)
        // As Hummingbird does: the connection closes once the reply is written.
        guard request.head.headerFields.value(of: .connection)?.lowercased() == "close" else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return resume(context)
        }
        closed = true
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// Takes the parts that waited for a reply, and the read held back meanwhile.
    private func resume(_ context: ChannelHandlerContext) {
        var took = false
        while !waiting.isEmpty {
            if case .answering = phase { break }
            took = true
            take(waiting.removeFirst(), context)
        }
        if took { context.fireChannelReadComplete() }
        if readHeld {
            if case .answering = phase { return }
            readHeld = false
            context.read()
        }
    }
}
