import Foundation
import RehearseAPI
import Testing
import Yams

@testable import RehearseServer

/// docs/api.yaml is checked against the running daemon, so the document cannot drift.
@Suite("docs/api.yaml describes the daemon")
struct APISpecTests {
    static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/api.yaml").standardized.path

    static func spec() throws -> [String: Any] {
        try #require(try Yams.load(yaml: String(contentsOfFile: specPath, encoding: .utf8)) as? [String: Any])
    }

    @Test("every documented path and method is served, and every served one is documented")
    func routes() throws {
        let paths = try #require(try Self.spec()["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(path.replacingOccurrences(of: "{id}", with: ":id"))")
            }
        }
        let served = Set(APIRoute.allCases.filter(\.isDocumented).flatMap { route in route.methods.map { "\($0) \(route.pattern)" } })
        #expect(documented == served)
    }

    @Test("real replies carry every field the schemas require")
    func schemas() async throws {
        let schemas = try #require((try Self.spec()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        func required(_ name: String) -> Set<String> { Set(schemas[name]?["required"] as? [String] ?? []) }
        func keys(_ data: Data) throws -> Set<String> { Set((try JSONSerialization.jsonObject(with: data) as? [String: Any])?.keys ?? [:].keys) }

        let daemon = try await TestDaemon.start()
        defer { Task { await daemon.stop() } }
        #expect(required("Health").isSubset(of: try keys(try await daemon.send("GET", "/healthz").body)))
        let scenarios = try await daemon.send("GET", "/v1/scenarios")
        let first = try #require(
            ((try JSONSerialization.jsonObject(with: scenarios.body) as? [String: Any])?["scenarios"] as? [[String: Any]])?.first)
        #expect(required("Scenario").isSubset(of: Set(first.keys)))

        let created = try await daemon.send("POST", "/v1/sessions", body: #"{"count": 1, "follow_up": false}"#)
        #expect(required("Created").isSubset(of: try keys(created.body)))
        let json = try #require(try JSONSerialization.jsonObject(with: created.body) as? [String: Any])
        let id = try #require(json["id"] as? String)
        let token = try #require(json["token"] as? String)
        #expect(required("SessionState").isSubset(of: Set((json["session"] as? [String: Any])?.keys ?? [:].keys)))
        let messageTypes = Set(((schemas["Message"]?["properties"] as? [String: Any])?["type"] as? [String: Any])?["enum"] as? [String] ?? [])
        let reply = try await daemon.send("POST", "/v1/sessions/\(id)/input", body: #"{"text": "an answer"}"#, token: token)
        #expect(required("Reply").isSubset(of: try keys(reply.body)))
        let messages = (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["messages"] as? [[String: Any]] ?? []
        #expect(!messages.isEmpty && messages.allSatisfy { messageTypes.contains($0["type"] as? String ?? "") })
        let missing = try await daemon.send("GET", "/v1/sessions/nope", token: token)
        #expect(required("Error") == (try keys(missing.body)))
    }

    @Test("the reviewers' replies carry every field their schemas require")
    func reviewSchemas() async throws {
        let schemas = try #require((try Self.spec()["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let requiredFields = schemas.mapValues { Set($0["required"] as? [String] ?? []) }
        try await ReviewDaemon.with(.files) { daemon, _ in
            @Sendable func required(_ name: String) -> Set<String> { requiredFields[name] ?? [] }
            @Sendable func object(_ data: Data) -> [String: Any] { (try? InProcessDaemon.object(data)) ?? [:] }
            let (id, token, created) = try await daemon.create(#"{"seed": 2, "count": 1, "candidate": "Ana"}"#)
            let question = try #require(created.session.question?.id)
            try await daemon.answer("Middleware wraps each request.", id: id, token: token)
            let grade = try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(question)", "score": 50}"#)
            #expect(required("GradeCreated").isSubset(of: Set(object(grade.body).keys)))
            let list = object(try await daemon.review("GET", "/v1/review/sessions").body)
            #expect(required("ReviewSessions").isSubset(of: Set(list.keys)))
            let summary = try #require((list["sessions"] as? [[String: Any]])?.first)
            #expect(required("ReviewSession").isSubset(of: Set(summary.keys)))
            let detail = object(try await daemon.review("GET", "/v1/review/sessions/\(id)").body)
            #expect(required("ReviewSessionDetail").isSubset(of: Set(detail.keys)))
            let first = try #require((detail["questions"] as? [[String: Any]])?.first)
            #expect(required("ReviewQuestion").isSubset(of: Set(first.keys)))
            let attempt = try #require((first["attempts"] as? [[String: Any]])?.first)
            #expect(required("ReviewAttempt").isSubset(of: Set(attempt.keys)))
            let review = try #require((attempt["reviews"] as? [[String: Any]])?.first)
            #expect(required("ReviewGrade").isSubset(of: Set(review.keys)))
        }
    }
}
