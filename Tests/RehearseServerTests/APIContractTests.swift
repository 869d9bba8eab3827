import Foundation
import RehearseAPI
import RehearseCore
import RehearseScoring
import Testing
import Yams

/// docs/api.yaml is checked against the contract's types: every body's fields and every closed
/// set's values, so the document, the server and the client cannot drift apart.
@Suite("docs/api.yaml matches the RehearseAPI types")
struct APIContractTests {
    static func schemas() throws -> [String: [String: Any]] {
        let spec = try #require(try Yams.load(yaml: String(contentsOfFile: APISpecTests.specPath, encoding: .utf8)) as? [String: Any])
        return try #require((spec["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
    }

    static var bodies: [any APISchema.Type] {
        [
            ErrorBody.self, Health.self, CreateSessionRequest.self, InputRequest.self, WireQuestion.self, WireMessage.self,
            WireSessionState.self, SessionReply.self, SessionCreated.self, ReviewSessionList.self, ReviewSessionSummary.self,
            ReviewSessionDetail.self, ReviewQuestion.self, ReviewAttempt.self, ReviewGrade.self, GradeRequest.self, GradeCreated.self,
        ]
    }

    @Test("each body names exactly the fields of its schema", arguments: bodies.map { ObjectIdentifier($0) })
    func fields(of id: ObjectIdentifier) throws {
        let type = try #require(Self.bodies.first { ObjectIdentifier($0) == id })
        let schema = try #require(try Self.schemas()[type.schemaName], "docs/api.yaml has no schema \(type.schemaName)")
        let documented = Set((schema["properties"] as? [String: Any])?.keys ?? [:].keys)
        #expect(documented == Set(type.fieldNames), "\(type.schemaName): docs/api.yaml vs \(type)")
        let required = Set(schema["required"] as? [String] ?? [])
        #expect(required.isSubset(of: Set(type.fieldNames)), "\(type.schemaName) requires fields \(type) does not have")
    }

    /// The `enum` of `property` in `schema`.
    static func values(_ schema: String, _ property: String) throws -> Set<String> {
        let properties = try #require(try schemas()[schema]?["properties"] as? [String: Any])
        let spec = try #require(properties[property] as? [String: Any], "\(schema).\(property) is not documented")
        return Set(try #require(spec["enum"] as? [String], "\(schema).\(property) has no enum"))
    }

    @Test("every closed set lists the same values as its enum")
    func closedSets() throws {
        #expect(try Self.values("Message", "type") == Set(MessageType.sent.map(\.rawValue)))
        #expect(try Self.values("Message", "band") == Set(Band.allCases.map(\.rawValue)))
        #expect(try Self.values("SessionState", "status") == Set(SessionStatus.allCases.map(\.rawValue)))
        #expect(try Self.values("SessionState", "end_reason") == Set(EndReason.allCases.map(\.rawValue)))
        #expect(try Self.values("Error", "code") == Set(ErrorCode.allCases.map(\.rawValue)))
        #expect(try Self.values("Question", "difficulty") == Set(Difficulty.allCases.map(\.rawValue)))
    }

    @Test("a body the client encodes decodes on the server as the same request")
    func requestRoundTrip() throws {
        let request = CreateSessionRequest(
            scenario: "flask-fundamentals", topic: ["flask"], difficulty: [.easy, .hard], count: 3, seed: 7, followUp: false,
            timeLimit: 90, reveal: true)
        #expect(try StrictJSON.decode(CreateSessionRequest.self, from: JSONEncoder().encode(request)) == request)
        // Nothing set sends an empty object: every choice is left to the daemon.
        #expect(String(decoding: try JSONEncoder().encode(CreateSessionRequest()), as: UTF8.self) == "{}")
        let input = InputRequest(text: "an answer", inputID: "a-1")
        #expect(try StrictJSON.decode(InputRequest.self, from: JSONEncoder().encode(input)) == input)
    }

    @Test("values a newer daemon may send do not break an older client")
    func unknownValues() throws {
        let message = try JSONDecoder().decode(WireMessage.self, from: Data(#"{"type": "celebration", "text": "hi"}"#.utf8))
        #expect(message.type == .unknown)
        guard case .info(let text)? = message.message else {
            Issue.record("an unknown message type should read as info, got \(String(describing: message.message))")
            return
        }
        #expect(text == "hi")
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(#"{"error": "x", "code": "new_kind"}"#.utf8))
        #expect(body.code == .internal)
        #expect(try JSONDecoder().decode(EndReason.self, from: Data(#""rebooted""#.utf8)) == .other)
    }
}

/// The limits docs/api.yaml states are the ones the decoder enforces.
@Suite("docs/api.yaml's limits are enforced")
struct APILimitTests {
    static func property(_ schema: String, _ name: String) throws -> [String: Any] {
        let properties = try #require(try APIContractTests.schemas()[schema]?["properties"] as? [String: Any])
        return try #require(properties[name] as? [String: Any])
    }

    @Test func documentedLimitsMatchTheContract() throws {
        #expect(try Self.property("CreateSession", "count")["maximum"] as? Int == APILimits.maxCount)
        #expect(try Self.property("Input", "text")["maxLength"] as? Int == APILimits.maxTextLength)
        #expect(try Self.property("Input", "input_id")["maxLength"] as? Int == APILimits.maxInputIDLength)
        let forms = try #require(try Self.property("CreateSession", "time_limit")["oneOf"] as? [[String: Any]])
        #expect(forms.first?["maximum"] as? Int == APILimits.maxTimeLimit)
    }
}
