import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import RehearseAPI

/// Answers the three requests every interview makes (``HotRoute``) on the connection's event
/// loop, where the session runs: the engine's work, the transcript's lines and the reply all
/// happen there, and the only other thread is the journal's flusher. Through Hummingbird each
/// of them went from the event loop to Swift's pool and back, through async sequences and the
/// router: about 40% of what HTTP and durability cost per answer (bench/floor, `nio-floor`).
///
/// Sits right after NIO's HTTP decoder (``ConnectionSetup`` puts it there), before requests
/// are converted to Swift HTTP Types for Hummingbird, and writes its replies in NIO's types:
/// the conversions both ways were about a tenth of the instructions per answer. Anything it
/// does not answer straight away — another route, a body the quick reader does not take, an
/// unknown session or a wrong token, a session busy with another input or on another event
/// loop, an input id seen before — goes on to Hummingbird unchanged, whose answer is the same
/// as before. Responses keep the requests' order: while
/// Hummingbird has a response to finish, every request goes to it, and while this handler is
/// answering, later requests wait (and no more are read).
///
/// Every request and every response passes here, so the connection's count, request deadline
/// (``RequestDeadline``, as ``ConnectionGuard`` enforces it where there are no hot routes), idle
/// timeout and graceful shutdown live here too (Hummingbird's own would not see the requests
/// answered here): a connection is closed once nothing was read or written for the idle timeout
/// while no request is open, and on shutdown once every request read so far has its response.
final class HotRoutes: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let hub: SessionHub
    /// The hash of the token that guards session creation, if one does.
    private let authHash: String?
    private let logger: Logger
    private let counter: HotRouteCounter?
    /// The connection's place in the daemon's count and its request deadline.
    private let deadline: RequestDeadline

    /// A hot request whose body is being read. A struct, not a tuple: copies of a tuple went
    /// through the runtime's generic witnesses.
    private struct Collecting {
        let head: HTTPRequestHead
        let route: HotRoute
        var body: ByteBuffer
    }

    private enum Phase {
        case idle
        /// The current request goes to Hummingbird.
        case forwarding
        /// A hot request whose body is being read.
        case collecting(Collecting)
        /// Its reply is being made.
        case answering
    }

    /// What comes from the connection, in order.
    private enum Inbound {
        case part(HTTPServerRequestPart)
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
    /// A read the channel asked for while a request waited behind the reply being made, made
    /// once the reply is out.
    private var readHeld = false
    /// The connection closed: a reply still being committed is not written.
    private var closed = false
    /// Whether a part went on to Hummingbird since a read last completed, so it hears of the
    /// read completing only when it was given something.
    private var forwardedSinceReadComplete = false
    /// Requests open and when something last happened, for the idle timeout and stopping.
    private var activity: ConnectionActivity
    /// The connection's idle check, re-armed when it fires early rather than per request.
    private var idleCheck: Scheduled<Void>?

    init(
        hub: SessionHub, authHash: String?, logger: Logger, idleTimeout: TimeAmount, deadline: RequestDeadline,
        counter: HotRouteCounter? = nil
    ) {
        self.hub = hub
        self.authHash = authHash
        self.logger = logger
        self.deadline = deadline
        self.counter = counter
        activity = ConnectionActivity(idleTimeout: idleTimeout, now: .now())
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Refused (the daemon has too many connections): closed already.
        guard deadline.added(context) else { return }
        scheduleIdleCheck(context, at: activity.idleDeadline)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        deadline.read(part, context)
        activity.read(part, at: .now())
        take(.part(part), context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        readCompleted(context)
    }

    /// Tells Hummingbird's handlers that a read completed, if they were given a part since it
    /// last did: passed on for a request answered here, it ran through their four handlers for
    /// nothing.
    private func readCompleted(_ context: ChannelHandlerContext) {
        guard forwardedSinceReadComplete else { return }
        forwardedSinceReadComplete = false
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Taken from Hummingbird's connection-state handler, which cannot count the requests
        // answered here: the connection closes once every open request is answered.
        guard event is ChannelShouldQuiesceEvent else { return take(.event(event), context) }
        if activity.quiesce() { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        take(.error(error), context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        cancelIdleCheck()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        closed = true
        cancelIdleCheck()
        deadline.removed()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        // Hummingbird's answer to bytes that are not HTTP ends no forwarded request.
        forwardedOpen = max(0, forwardedOpen - 1)
        guard responseEnded(context) else { return context.write(data, promise: promise) }
        context.writeAndFlush(data, promise: promise)
        context.close(promise: nil)
    }

    /// Notes that a response ended; returns whether the connection is to close after it (the
    /// daemon is stopping and it was the last open request).
    private func responseEnded(_ context: ChannelHandlerContext) -> Bool {
        switch activity.responseEnded(at: .now()) {
        case .keepOpen: return false
        case .close: return true
        case .checkIdle(let deadline):
            scheduleIdleCheck(context, at: deadline)
            return false
        }
    }

    private func scheduleIdleCheck(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        guard idleCheck == nil, context.channel.isActive else { return }
        // The task runs on this connection's event loop, where the handler lives.
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleTask(deadline: deadline) { bound.value.handler.checkIdle(bound.value.context) }
    }

    /// Closes the connection if it has been idle for the timeout. While a request that has
    /// been read is answered it is not idle; the check comes back when its response ends.
    private func checkIdle(_ context: ChannelHandlerContext) {
        idleCheck = nil
        switch activity.check(at: .now()) {
        case .busy: break
        case .close: context.close(promise: nil)
        case .checkAgain(let deadline): scheduleIdleCheck(context, at: deadline)
        }
    }

    private func cancelIdleCheck() {
        idleCheck?.cancel()
        idleCheck = nil
    }

    func read(context: ChannelHandlerContext) {
        // Held back only once something waits behind the reply being made (a client that
        // pipelines): so at most one more read's worth queues up. Holding every read while
        // answering made NIO drop the socket's read interest and set it again, two system
        // calls per request.
        if case .answering = phase, !waiting.isEmpty {
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
            if case .collecting(let request) = phase { handOver(request.head, request.body, context) }
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
            phase = .collecting(Collecting(head: head, route: route, body: context.channel.allocator.buffer(capacity: 0)))
        case .collecting(var request):
            let (head, route) = (request.head, request.route)
            switch part {
            case .head, .end(.some):
                // Not what the decoder hands on after a head; the router says what is wrong.
                handOver(head, request.body, context)
                forward(part, context)
            case .body(let chunk):
                phase = .idle  // so the body is not copied when it grows
                guard request.body.readableBytes + chunk.readableBytes <= APIRoutes.bodyLimit else {
                    handOver(head, request.body, context)
                    return forward(part, context)
                }
                request.body.writeImmutableBuffer(chunk)
                phase = .collecting(request)
            case .end(nil):
                phase = .answering
                // Queued behind the replies whose lines became durable meanwhile, rather than
                // run within this read: the loop reads every ready connection before its
                // queue, so under load new requests' work would delay those replies.
                let hot = HotRequest(head: head, started: .now)
                let bound = NIOLoopBound((handler: self, context: context, body: request.body), eventLoop: context.eventLoop)
                context.eventLoop.execute { bound.value.handler.answer(route, hot, bound.value.body, bound.value.context) }
            }
        }
    }

    /// Whether a declared length is within the limit (the router refuses it otherwise).
    private static func fits(_ head: HTTPRequestHead) -> Bool {
        guard let length = head.headers.value(of: "content-length") else { return true }
        return Int(length).map { $0 <= APIRoutes.bodyLimit } ?? false
    }

    private func forward(_ part: HTTPServerRequestPart, _ context: ChannelHandlerContext) {
        switch part {
        case .head:
            forwardedOpen += 1
            phase = .forwarding
        case .end:
            phase = .idle
        case .body:
            break
        }
        forwardedSinceReadComplete = true
        context.fireChannelRead(wrapInboundOut(part))
    }

    /// Hands a request read so far to Hummingbird, as it came.
    private func handOver(_ head: HTTPRequestHead, _ body: ByteBuffer, _ context: ChannelHandlerContext) {
        forward(.head(head), context)
        if body.readableBytes > 0 { forward(.body(body), context) }
    }

    /// Hands a whole request to Hummingbird, then goes on with what waited.
    private func handOverWhole(_ head: HTTPRequestHead, _ body: ByteBuffer, _ context: ChannelHandlerContext) {
        phase = .idle
        // Closed while the request waited for its turn: nobody is there for the router's answer.
        guard !closed else { return }
        handOver(head, body, context)
        forward(.end(nil), context)
        readCompleted(context)
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
            guard let input = body.withUnsafeReadableBytes(InputRequest.quick(bytes:)),
                let session = try? hub.session(id: id, token: SessionToken.bearer(head.headers.value(of: "authorization")))
            else { return handOverWhole(head, body, context) }
            let allocator = context.channel.allocator
            run(.input(input.text, id: input.inputID), on: session, request, body, context) { [hub] reply in
                if reply.session.status == .finished { hub.ended(id) }
                return (.ok, reply.jsonBuffer(allocator), [:])
            }
        case .end(let id):
            guard let session = try? hub.session(id: id, token: SessionToken.bearer(head.headers.value(of: "authorization"))) else {
                return handOverWhole(head, body, context)
            }
            let allocator = context.channel.allocator
            run(.end(.deleted), on: session, request, body, context) { [hub] reply in
                hub.ended(id)
                return (.ok, reply.jsonBuffer(allocator), [:])
            }
        case .create:
            create(head, body, request, context)
        }
    }

    private func create(_ head: HTTPRequestHead, _ body: ByteBuffer, _ request: HotRequest, _ context: ChannelHandlerContext) {
        if let authHash {
            guard SessionToken.authorizes(head.headers.value(of: "authorization"), hash: authHash) else {
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
        let (hub, logger, allocator) = (hub, logger, context.channel.allocator)
        let started: (SessionReply) -> Reply = { reply in
            // The request's logger is made only when the line is written (at the default level).
            if logger.logLevel <= .info {
                request.logger(logger).info("session started", metadata: ["session": "\(session.id)", "scenario": "\(session.scenario)"])
            }
            let created = SessionCreated(id: session.id, token: token, messages: reply.messages, session: reply.session)
            return (.created, created.jsonBuffer(allocator), [.location: APIRoute.session.path(id: session.id)])
        }
        // Made here: the router must not make it again.
        run(.start, on: session, request, body, context, mayHandOver: false, onFailure: { hub.discard(session.id) }, reply: started)
    }

    /// What a hot request's reply is made of.
    private typealias Reply = (status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields)

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

    /// The fields every JSON reply carries, as NIO's pairs, made once.
    private static let jsonReplyFields = JSONResponse.jsonFields([.server: Daemon.serverName]).map { ($0.name.rawName, $0.value) }

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
            reply = (error.status, context.channel.allocator.buffer(bytes: JSONResponse.errorData(error.body)), JSONResponse.headers(for: error))
        }
        // The pairs made whole, then handed over at once: `HTTPHeaders.add` checked each name
        // again (ours are fixed and ASCII) and copied the shared fields at the first one.
        var fields = [(String, String)]()
        fields.reserveCapacity(Self.jsonReplyFields.count + reply.headers.count + 3)
        fields += Self.jsonReplyFields
        for field in reply.headers { fields.append((field.name.rawName, field.value)) }
        fields.append((HTTPField.Name.contentLength.rawName, String(reply.body.readableBytes)))
        fields.append((HTTPField.Name.requestID.rawName, request.id))
        fields.append((HTTPField.Name.date.rawName, HTTPDate.field().value))
        let headers = HTTPHeaders(fields)
        // The reason phrase as the conversion from Swift HTTP Types gives it to NIO.
        let status = HTTPResponseStatus(statusCode: reply.status.code, reasonPhrase: reply.status.reasonPhrase)
        // Through the response encoder, which pairs each response with its request's method
        // (written below it, a reply would leave its request's method queued there, and the
        // next response would be framed for the wrong request).
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(reply.body))), promise: nil)
        // Counted before the reply leaves, so a client that has it sees the count.
        counter?.add()
        request.log(reply.status, to: logger)
        // As Hummingbird does: the connection closes once the reply is written (and, when the
        // daemon is stopping, once the last open request has its reply).
        let stopping = responseEnded(context)
        guard stopping || request.head.headers.value(of: "connection")?.lowercased() == "close" else {
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
        if took { readCompleted(context) }
        if readHeld {
            if case .answering = phase { return }
            readHeld = false
            context.read()
        }
    }
}
