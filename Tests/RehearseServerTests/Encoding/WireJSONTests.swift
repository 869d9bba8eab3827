import Foundation
import NIOCore
import RehearseAPI
import RehearseCore
import RehearseScoring
import Testing

@testable import RehearseServer

/// The daemon's hand-written replies say what JSONEncoder would: the same members and values
/// (member order aside), and they decode back to the value written.
@Suite("Replies written by hand")
struct WireJSONTests {
    /// `hand` and what JSONEncoder makes of `value`, parsed: equal as JSON values.
    static func expectSameJSON<T: Codable & Equatable & WireJSON>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let hand = Data(value.jsonBytes)
        let encoded = try JSONResponse.encoder.encode(value)
        let handObject = try JSONSerialization.jsonObject(with: hand) as? NSDictionary
        let encodedObject = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        #expect(handObject != nil && handObject == encodedObject, "\(String(decoding: hand, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(T.self, from: hand) == value, sourceLocation: sourceLocation)
        // The hot routes' buffer holds the same bytes, closing replies (past its first 4 KB) too.
        let buffer = value.jsonBuffer(ByteBufferAllocator())
        #expect(Array(buffer.readableBytesView) == value.jsonBytes, sourceLocation: sourceLocation)
    }

    @Test("every reply of whole sessions: greeting, questions, feedback, hints, follow-ups, references, closing")
    func sessions() async throws {
        let settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let hub = SessionHub(settings: settings)
        var replies = 0
        // Replies that end a session carry the closing message twice, written once and copied.
        var closing = 0
        var largest = 0
        for seed in UInt64(0)..<6 {
            let created = try await hub.start(CreateSessionRequest(count: 3, seed: seed, followUp: seed % 2 == 0))
            try Self.expectSameJSON(created)
            let inputs = [
                "/hint", "Middleware wraps each request; the ORM maps \"models\" to tables\\rows.\n\tIt caches/ sessions 🚀.",
                "/reference", "I don't know", "/skip", "Templates render HTML with escaping.", "/quit",
            ]
            for (n, text) in inputs.enumerated() {
                guard let reply = try? await hub.input(text, inputID: "i\(n)", session: created.id, token: created.token) else { break }
                try Self.expectSameJSON(reply)
                try Self.expectSameJSON(reply.session)
                replies += 1
                largest = max(largest, reply.jsonBytes.count)
                if reply.session.closing != nil, reply.messages.last == reply.session.closing { closing += 1 }
                if reply.session.status == .finished { break }
            }
        }
        #expect(replies >= 20)
        #expect(closing == 6)
        // Some replies outgrow the hot routes' first 4 KB.
        #expect(largest > 4_096)
    }

    @Test("a report with every optional member, and text that needs escaping")
    func fullReport() throws {
        let neighbour = SampleNeighbour(label: "review 0123abcd q2", score: 95, similarity: 0.8125, scored: 12.5)
        let report = ScoreReport(
            score: 72.25, band: .strong,
            matched: [ConceptMatch(concept: "caching", term: "cache", evidence: "it \"caches\" \u{1}results/\\", span: [3, 9])],
            missed: [MissedConcept(concept: "eviction", weight: 1.5, required: true)], feedback: "Good.\nMention eviction.",
            conceptCoverage: 0.5, overlap: 1e-7, derivedConcepts: false, truncatedAt: 20_000, conceptScore: 70,
            matchedSample: neighbour, closestSamples: [neighbour, neighbour], relevance: 0.9, followUpFrom: 40)
        var message = WireMessage(type: .feedback)
        message.report = report
        message.score = 100.0 / 3
        message.band = .strong
        message.hintCap = 80
        message.overtimeSeconds = 12
        try Self.expectSameJSON(message)
        try Self.expectSameJSON(report)
        let reply = SessionReply(
            messages: [message, WireMessage(type: .warning)],
            session: WireSessionState(
                id: "abc", scenario: "flask", status: .finished, question: nil, total: 3, secondsLeft: 0,
                startedAt: "2026-11-26T01:00:00.000Z", lastActivity: "2026-11-26T01:00:00.000Z", endReason: .deleted, transcript: "t.jsonl"))
        try Self.expectSameJSON(reply)
    }
}
