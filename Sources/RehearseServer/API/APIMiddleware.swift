import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import RehearseAPI

/// Wraps every request: turns every error into a JSON body with its status, tags the response
/// with the request id, and logs the request (method, path, status, time; never a body).
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the reviewers' routes are served: without them their paths are unknown, so
    /// a daemon without a review token does not tell that it could have them.
    var reviewRoutes = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServerError {
            if case .storage(let detail) = error { context.logger.error("storage failed", metadata: ["detail": "\(detail)"]) }
            if case .unavailable(let detail, _) = error { context.logger.warning("store unavailable", metadata: ["detail": "\(detail)"]) }
            response = JSONResponse.error(error)
        } catch let error as HTTPError where error.status == .notFound {
            response = JSONResponse.error(Self.notFound(request, reviewRoutes: reviewRoutes))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = JSONResponse.error(.tooLarge(limit: APIRoutes.bodyLimit))
        } catch is HTTPParserError {
            // A malformed chunked body (a chunk size that is not hex, or overflows) is the
            // client's mistake, not the daemon's.
            response = JSONResponse.error(.badRequest("the body's chunked encoding is malformed (send a Content-Length, or valid chunks)"))
        } catch is NIOTooManyBytesError {
            response = JSONResponse.error(.tooLarge(limit: APIRoutes.bodyLimit))
        } catch let error as any HTTPResponseError {
            let code: ErrorCode = error.status.code < 500 ? .badRequest : .internal
            response = JSONResponse.error(error.status, ErrorBody(error: error.status.reasonPhrase.lowercased(), code: code))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            response = JSONResponse.error(.internalServerError, ErrorBody(error: "the daemon failed to answer (see its log)", code: .internal))
        }
        response.headers[.requestID] = context.id
        context.logger.logRequest(request.method.rawValue, request.uri.path, response.status, since: started)
        return response
    }

    /// A 405 when the path is one of ours with another method, else a 404.
    static func notFound(_ request: Request, reviewRoutes: Bool = false) -> ServerError {
        let path = request.uri.path
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for route in APIRoute.allCases where reviewRoutes || !route.isReview {
            let wanted = route.pattern.split(separator: "/", omittingEmptySubsequences: false)
            // A parameter is never empty: `/v1/sessions//input` names no session.
            guard wanted.count == parts.count, zip(wanted, parts).allSatisfy({ $0.hasPrefix(":") ? !$1.isEmpty : $0 == $1 }) else { continue }
            guard !route.methods.contains(request.method.rawValue) else { break }
            return .methodNotAllowed(method: request.method.rawValue, path: path, allowed: route.methods)
        }
        return .routeNotFound(path)
    }
}
