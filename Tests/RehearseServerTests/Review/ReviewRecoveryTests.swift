import Foundation
import RehearseAPI
import RehearseCore
import Testing

@testable import RehearseServer

/// Review lines in the transcripts of the files store: a restarted daemon continues a
/// reviewed session and still learns from the grade.
@Suite("Reviewed sessions survive a restart")
struct ReviewRecoveryTests {
    @Test("a live session graded before a restart continues after it, and the grade is learned again")
    func restart() async throws {
        var settings = TestStores.settings()
        settings.learned = LearnedSamples()
        defer { try? FileManager.default.removeItem(atPath: settings.transcriptsFolder) }
        let answer = "It keeps things quick by remembering earlier results somewhere."
        let request = CreateSessionRequest(count: 2, seed: 3, followUp: false)

        let first = SessionHub(settings: settings)
        let created = try await first.start(request)
        let question = try #require(created.session.question?.id)
        let before = try #require(try await first.input(answer, inputID: "1", session: created.id, token: created.token).messages.first?.score)
        _ = try await ReviewService(store: first, learned: settings.learned, clock: SystemClock())
            .grade(GradeRequest(questionID: question, score: 95), session: created.id)
        await first.closeAll()

        // A new daemon: what it learned is read from the folder before sessions are rebuilt.
        settings.learned = LearnedSamples()
        let second = SessionHub(settings: settings)
        await ReviewLearner(store: second, learned: settings.learned, interval: nil, logger: .quiet).catchUp()
        #expect(settings.learned?.count == 1)
        let recovered = try await second.recover(logger: .quiet)
        #expect(recovered.recovered == 1 && recovered.ended == 0)
        let last = try await second.input("The ORM maps models to tables.", inputID: "2", session: created.id, token: created.token)
        #expect(last.session.status == .finished)
        let log = try TranscriptReader.read(TranscriptLibrary(folder: settings.transcriptsFolder).paths()[0])
        #expect(log.warnings.isEmpty && log.questions.first?.reviewedScore == 95 && log.end?.reason == "completed")
        // Graded after the session ended: appended to its file.
        _ = try await ReviewService(store: second, learned: settings.learned, clock: SystemClock())
            .grade(GradeRequest(questionID: question, score: 80, note: "on reflection"), session: created.id)
        let regraded = try TranscriptReader.read(log.path)
        #expect(regraded.questions.first?.reviews.map(\.score) == [95, 80] && regraded.questions.first?.reviewedScore == 80)

        let later = try await second.start(request)
        let after = try #require(try await second.input(answer, inputID: "1", session: later.id, token: later.token).messages.first?.score)
        #expect(after >= before + 20, "\(before) → \(after)")
    }
}
