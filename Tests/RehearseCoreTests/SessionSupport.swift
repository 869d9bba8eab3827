import Foundation
import RehearseScoring
import RehearseTestSupport

@testable import RehearseCore

/// Three small questions, one per level, with hints and follow-ups.
enum SessionFixture {
    static let location = SourceLocation(path: "b.yaml", line: 1, column: 1)

    static func question(_ id: String, _ difficulty: Difficulty, topic: String = "demo") -> Question {
        Question(
            id: id, topic: topic, tags: [], difficulty: difficulty, prompt: "Explain \(id)?",
            answer: "Caching stores expensive results. Memcached and redis are backends. Invalidation keeps data fresh.",
            concepts: [
                Concept(name: "store results", terms: ["stores expensive results", "store results"], weight: 2),
                Concept(name: "backends", terms: ["memcached", "redis"]),
                Concept(name: "invalidation", terms: ["invalidation", "invalidate"]),
            ],
            hints: ["Think about memory.", "Think about redis."], followUp: "How do you keep cached data fresh?",
            location: location)
    }

    static let pool = [
        question("q.easy1", .easy), question("q.easy2", .easy), question("q.medium1", .medium),
        question("q.medium2", .medium), question("q.hard1", .hard), question("q.hard2", .hard),
    ]

    static func scenario(adaptive: Bool = true) -> Scenario {
        Scenario(
            id: "demo", title: "Demo", description: "", interviewer: Interviewer(name: "Sam", greeting: "Hello.", closing: "Bye."),
            draw: Draw(), count: 3, startDifficulty: .easy, adaptive: adaptive, timeLimit: nil, location: location)
    }

    static let strong = "It stores expensive results in memcached, and invalidation keeps them fresh."
    static let partial = "It stores results."
    static let weak = "No idea, sorry."

    static func session(
        options: SessionOptions = SessionOptions(count: 3, seed: 1, followUp: false), adaptive: Bool = true,
        clock: ManualClock = ManualClock(), transcript: MemoryTranscript = MemoryTranscript()
    ) -> InterviewSession {
        InterviewSession(scenario: scenario(adaptive: adaptive), pool: pool, options: options, scorer: Scorer(), clock: clock, transcript: transcript)
    }
}

extension Array where Element == SessionMessage {
    var questions: [AskedQuestion] { compactMap { if case .question(let asked) = $0 { asked } else { nil } } }
    var feedback: [(final: Double, band: Band)] { compactMap { if case .feedback(_, let final, let band, _, _) = $0 { (final, band) } else { nil } } }
    var infos: [String] { compactMap { if case .info(let text) = $0 { text } else { nil } } }
    var closing: ClosingReport? { compactMap { if case .closing(_, let report) = $0 { report } else { nil } }.first }
    var followUps: [String] { compactMap { if case .followUp(_, let text) = $0 { text } else { nil } } }
    var hints: [(text: String, cap: Double)] { compactMap { if case .hint(_, _, let text, let cap) = $0 { (text, cap) } else { nil } } }
}
