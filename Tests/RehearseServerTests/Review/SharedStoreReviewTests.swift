import Foundation
import RehearseAPI
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseServer

/// Reviews through a shared PostgreSQL store: a grade given on one daemon lands in a session
/// another daemon holds, which goes on, and every daemon learns from it.
@Suite("Reviews reach sessions held by other daemons")
struct SharedStoreReviewTests {
    static let request = CreateSessionRequest(count: 2, seed: 3, followUp: false)
    static let answer = "It keeps things quick by remembering earlier results somewhere."

    /// Two daemons on one fresh database, each learning on its own.
    static func withTwo(
        _ body: @escaping @Sendable (PostgresSessionStore, PostgresSessionStore, LearnedSamples, LearnedSamples) async throws -> Void
    ) async throws {
        guard let url = try TestStores.database() else { return }
        let (learnedA, learnedB) = (LearnedSamples(), LearnedSamples())
        try await TestStores.withClient(url) { first in
            try await TestStores.withClient(url) { second in
                var settings = TestStores.settings()
                settings.learned = learnedA
                let a = PostgresSessionStore(client: first, settings: settings, logger: .quiet)
                settings.learned = learnedB
                let b = PostgresSessionStore(client: second, settings: settings, logger: .quiet)
                try await body(a, b, learnedA, learnedB)
            }
        }
    }

    @Test("grades in a folder imported into PostgreSQL are learned by its daemons")
    func importedGrades() async throws {
        guard let url = try TestStores.database() else { return }
        var settings = TestStores.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        settings.learned = LearnedSamples()
        let hub = SessionHub(settings: settings)
        let created = try await hub.start(Self.request)
        let question = try #require(created.session.question?.id)
        _ = try await hub.input(Self.answer, inputID: "1", session: created.id, token: created.token)
        _ = try await ReviewService(store: hub, learned: settings.learned, clock: SystemClock())
            .grade(GradeRequest(questionID: question, score: 95), session: created.id)
        await hub.closeAll()
        let folder = settings.transcriptsFolder
        try await TestStores.withClient(url) { client in
            let outcome = try await TranscriptRows(logger: .quiet).importFolder(folder, on: client)
            #expect(outcome.added == 1)
            var shared = TestStores.settings()
            shared.learned = LearnedSamples()
            let store = PostgresSessionStore(client: client, settings: shared, logger: .quiet)
            #expect(try await store.reviewedSamples(since: nil).samples.count == 1)
            let listed = try await store.reviewLogs(ReviewFilter(candidate: nil), after: nil, limit: 10)
            #expect(listed.first?.questions.first?.reviewedScore == 95)
        }
    }

    @Test("a session on daemon A is graded through daemon B, goes on on either, and A learns from the grade")
    func acrossDaemons() async throws {
        try await Self.withTwo { a, b, learnedA, learnedB in
            let graded = try await a.start(Self.request)
            let question = try #require(graded.session.question?.id)
            let before = try #require(try await a.input(Self.answer, inputID: "1", session: graded.id, token: graded.token).messages.first?.score)
            // Started before the grade: rebuilt on B afterwards, it must score as it did on A.
            let other = try await a.start(Self.request)
            _ = try await a.input(Self.answer, inputID: "1", session: other.id, token: other.token)

            let created = try await ReviewService(store: b, learned: learnedB, clock: SystemClock())
                .grade(GradeRequest(questionID: question, score: 95, reviewer: "Bo"), session: graded.id)
            #expect(created.reviewed == 1 && learnedB.count == 1 && learnedA.count == 0)

            // A's warm copy is one line behind: its write is refused, it reads the session again.
            let next = try await a.input("The ORM maps models to tables.", inputID: "2", session: graded.id, token: graded.token)
            #expect(next.session.status == .finished)
            let lines = try await a.transcript(session: graded.id, token: graded.token).split(separator: UInt8(ascii: "\n"))
                .map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0)) }
            let kinds: [TranscriptRecord.Kind] = lines.map(\.type).filter { $0 == .review || $0 == .answer }
            #expect(kinds == [TranscriptRecord.Kind.answer, .review, .answer])
            let continued = try await b.input("The ORM maps models to tables.", inputID: "2", session: other.id, token: other.token)
            #expect(continued.session.status == .finished, "a session started before the grade is rebuilt as it was scored")

            await ReviewLearner(store: a, learned: learnedA, interval: nil, logger: .quiet).catchUp()
            #expect(learnedA.count == 1)
            let later = try await a.start(Self.request)
            #expect(later.session.question?.id == question)
            let after = try #require(try await a.input(Self.answer, inputID: "1", session: later.id, token: later.token).messages.first?.score)
            #expect(after >= before + 20, "graded 95 on B: \(before) → \(after) on A")
        }
    }
}
