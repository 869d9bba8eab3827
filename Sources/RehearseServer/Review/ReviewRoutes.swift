import Foundation
import Hummingbird
import RehearseAPI
import RehearseCore

/// The reviewers' routes and page, registered only when the daemon has a review token. Every
/// call must carry that token; a session's token opens none of them.
enum ReviewRoutes {
    static func add(to router: Router<BasicRequestContext>, service: ReviewService, reviewToken: String) {
        let hash = SessionToken.hash(reviewToken)
        @Sendable func authorize(_ request: Request) throws(ServerError) {
            // Compared as hashes in constant time, so the time taken says nothing of the token.
            guard SessionToken.authorizes(request.headers[.authorization], hash: hash) else { throw .reviewUnauthorized }
        }
        let page = Data(ReviewPage.html.utf8)
        // The page holds no data: the token is asked for in the browser, so it is served to all.
        router.get(.reviewPage) { _, _ in
            var response = JSONResponse.body(.ok, page, contentType: "text/html; charset=utf-8")
            // No referrer: a link followed from the page must not carry a session id along.
            response.headers[.init("Referrer-Policy")!] = "no-referrer"
            return response
        }

        router.get(.reviewSessions) { request, _ in
            try authorize(request)
            return JSONResponse.make(.ok, try await service.list(try query(request)))
        }

        router.get(.reviewSession) { request, context in
            try authorize(request)
            return JSONResponse.make(.ok, try await service.detail(context.parameters.get("id") ?? ""))
        }

        router.post(.reviewGrades) { request, context in
            try authorize(request)
            let id = context.parameters.get("id") ?? ""
            let body = try await APIRoutes.collect(request)
            let grade = try decodeGrade(body)
            let created = try await service.grade(grade, session: id)
            context.logger.info(
                "answer reviewed", metadata: ["session": "\(id)", "question": "\(created.questionID)", "attempt": "\(created.attempt)"])
            return JSONResponse.make(.created, created)
        }

        router.get(.reviewExport) { request, _ in
            try authorize(request)
            let text = try await service.csv(try query(request).filter)
            return JSONResponse.body(
                .ok, Data(text.utf8), contentType: "text/csv; charset=utf-8",
                headers: [.contentDisposition: #"attachment; filename="rehearse-review.csv""#])
        }
    }

    private static func decodeGrade(_ body: Data) throws(ServerError) -> GradeRequest {
        do { return try StrictJSON.decode(GradeRequest.self, from: body) } catch { throw ServerError(error) }
    }

    private static func query(_ request: Request) throws(ServerError) -> ReviewQuery {
        // Decoded as a form would be: browsers' URLSearchParams writes a space as "+".
        func decoded(_ text: Substring) -> String {
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        let parameters = (request.uri.query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: decoded(parts[0]), value: parts.count > 1 ? decoded(parts[1]) : "")
        }
        do { return try ReviewQuery(parameters: parameters) } catch { throw ServerError(error) }
    }
}
