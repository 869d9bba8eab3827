import Foundation
import RehearseScoring
import RehearseTestSupport
import Testing

@testable import RehearseCore

@Suite struct InterviewSessionTests {
    @Test func greetsAsksScoresAndCloses() throws {
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(transcript: transcript)
        let opening = session.start()
        guard case .greeting(let name, let text) = opening.first else {
            Issue.record("no greeting")
            return
        }
        #expect(name == "Sam" && text == "Hello.")
        #expect(opening.questions.map(\.header) == ["Question 1/3 · Demo · easy"])
        var all = opening
        for answer in [SessionFixture.strong, SessionFixture.partial, SessionFixture.weak] { all += session.handle(answer) }
        #expect(session.isFinished)
        #expect(all.questions.count == 3)
        #expect(all.feedback.map(\.band) == [.strong, .partial, .weak])
        let report = try #require(all.closing)
        #expect(report.results.count == 3)
        #expect(report.transcript == "(not saved)")
        #expect(
            transcript.records.map(\.type) == [
                .sessionStart, .question, .answer, .score, .question, .answer, .score, .question, .answer, .score, .sessionEnd,
            ])
        #expect(transcript.records.last?.reason == "completed")
        #expect(transcript.records.last?.answered == 3)
    }

    @Test func neverRepeatsAndIsDeterministicUnderASeed() {
        func run(_ seed: UInt64) -> [String] {
            let session = SessionFixture.session(options: SessionOptions(count: 6, seed: seed, followUp: false), adaptive: false)
            var messages = session.start()
            while !session.isFinished { messages += session.handle(SessionFixture.partial) }
            return messages.questions.map(\.question.id)
        }
        let first = run(7)
        #expect(first.count == 6)
        #expect(Set(first).count == 6)
        #expect(run(7) == first)
        #expect((1...20).map { run($0) }.contains { $0 != first })
    }

    @Test func adaptiveDifficultyFollowsTheAnswers() {
        let session = SessionFixture.session(options: SessionOptions(count: 5, seed: 3, followUp: false))
        var messages = session.start()
        for answer in [SessionFixture.strong, SessionFixture.strong, SessionFixture.weak, SessionFixture.weak] {
            messages += session.handle(answer)
        }
        #expect(messages.questions.map(\.question.difficulty) == [.easy, .medium, .hard, .medium, .easy])
    }

    @Test func adaptiveFallsBackToTheNearestLevelLeft() {
        var picker = QuestionPicker(
            pool: [SessionFixture.question("a", .easy), SessionFixture.question("b", .hard)], start: .medium, adaptive: true, seed: 1)
        #expect(picker.next(after: nil)?.difficulty == .easy)  // no medium: the easier neighbour first
        #expect(picker.next(after: .partial)?.difficulty == .hard)
        #expect(picker.next(after: .partial) == nil)
    }

    @Test func recentQuestionsComeLastUnlessSeeded() {
        var picker = QuestionPicker(pool: Array(SessionFixture.pool.prefix(2)), start: .easy, adaptive: true, seed: 1, recent: ["q.easy1"])
        #expect(picker.next(after: nil)?.id == "q.easy2")
        #expect(picker.next(after: nil)?.id == "q.easy1")
    }

    @Test func hintsCapTheScore() {
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(transcript: transcript)
        _ = session.start()
        let first = session.handle("/hint")
        #expect(first.hints.map(\.cap) == [80])
        #expect(session.handle("/hint").hints.map(\.cap) == [60])
        #expect(session.handle("/hint").infos == ["No more hints for this question."])
        let scored = session.handle(SessionFixture.strong)
        #expect(scored.feedback.first?.final == 60)
        #expect(scored.feedback.first?.band == .partial)
        #expect(transcript.records.filter { $0.type == .hint }.map(\.number) == [1, 2])
    }

    @Test func skipRepeatScoreTimeHelpAndUnknownCommands() {
        let clock = ManualClock()
        let session = SessionFixture.session(clock: clock)
        let first = session.start().questions.first!
        #expect(session.handle("/repeat").questions.first?.question.id == first.question.id)
        clock.advance(75)
        #expect(session.handle("/time").infos == ["This question: 1:15. Session: 1:15."])
        #expect(session.handle("/score").infos == ["No questions scored yet."])
        #expect(session.handle("/hlep").infos == ["unknown command /hlep (did you mean /help? /help lists them)"])
        #expect(session.handle("/help").infos.first?.contains("/hint") == true)
        #expect(session.handle("").infos == ["Type your answer, or /help for the commands."])
        let skipped = session.handle("/skip")
        #expect(skipped.infos == ["Skipped."])
        #expect(skipped.questions.first?.number == 2)
        _ = session.handle(SessionFixture.strong)
        #expect(session.handle("/score").infos.first?.hasPrefix("Running score: ") == true)
    }

    @Test func quitEndsWithTheReport() {
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(transcript: transcript)
        _ = session.start()
        _ = session.handle(SessionFixture.strong)
        let end = session.handle("/quit")
        #expect(session.isFinished)
        #expect(end.closing?.results.count == 2)  // the question on screen counts as asked
        #expect(transcript.records.last?.reason == "quit")
        #expect(session.handle("anything").isEmpty)
    }

    @Test func aFollowUpIsAskedAndMergedIntoTheScore() throws {
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(options: SessionOptions(count: 1, seed: 1, followUp: true), transcript: transcript)
        _ = session.start()
        let first = session.handle(SessionFixture.partial)
        // The key concept (store results) was given, so the follow-up asks about what was missed.
        #expect(first.followUps == ["Can you say more about backends?"])
        #expect(session.awaitingFollowUp)
        let firstScore = try #require(first.feedback.first?.final)
        let second = session.handle("You set a timeout and invalidate entries in redis when data changes.")
        let merged = try #require(second.feedback.first?.final)
        #expect(merged > firstScore)
        #expect(second.closing?.results.first?.finalScore == merged)
        // Graded for what it asked: the feedback is about backends, and both numbers are kept.
        let report = try #require(second.compactMap { if case .feedback(let report, _, _, _, _) = $0 { report } else { nil } }.first)
        #expect(report.followUpFrom == firstScore)
        #expect(report.feedback.hasPrefix("Your follow-up covered backends"))
        let answers = transcript.records.filter { $0.type == .answer }
        #expect(answers.map(\.isFollowUp) == [false, true])
        #expect(transcript.records.contains { $0.type == .followUp && $0.questionID == answers[0].questionID })
    }

    @Test func theBanksFollowUpWhenTheKeyConceptIsMissed() {
        let session = SessionFixture.session(options: SessionOptions(count: 1, seed: 1, followUp: true))
        _ = session.start()
        #expect(session.handle("Memcached, I think.").followUps == ["How do you keep cached data fresh?"])
    }

    @Test func noFollowUpAfterAStrongAnswerOrWhenTurnedOff() {
        let on = SessionFixture.session(options: SessionOptions(count: 2, seed: 1, followUp: true))
        _ = on.start()
        #expect(on.handle(SessionFixture.strong).followUps.isEmpty)
        let off = SessionFixture.session(options: SessionOptions(count: 2, seed: 1, followUp: false))
        _ = off.start()
        #expect(off.handle(SessionFixture.partial).followUps.isEmpty)
    }

    @Test func overtimeIsRecordedNotEnforced() throws {
        let clock = ManualClock()
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(
            options: SessionOptions(count: 1, seed: 1, followUp: false, timeLimit: 60), clock: clock, transcript: transcript)
        _ = session.start()
        clock.advance(30)
        #expect(session.secondsLeft == 30)
        clock.advance(42)
        #expect(session.secondsLeft == -12)
        let messages = session.handle(SessionFixture.strong)
        guard case .feedback(_, _, _, _, let overtime)? = messages.first(where: { if case .feedback = $0 { true } else { false } }) else {
            Issue.record("no feedback")
            return
        }
        #expect(overtime == 12)
        let answer = try #require(transcript.records.first { $0.type == .answer })
        #expect(answer.overtime == true)
        #expect(answer.elapsedSeconds == 72)
    }

    @Test func closingReportListsTheMostMissedConceptsWithTheirSentence() throws {
        let session = SessionFixture.session()
        _ = session.start()
        var messages: [SessionMessage] = []
        for answer in [SessionFixture.partial, SessionFixture.partial, SessionFixture.partial] { messages += session.handle(answer) }
        let report = try #require(messages.closing)
        #expect(report.mostMissed.first?.concept == "backends")
        #expect(report.mostMissed.first?.count == 3)
        #expect(report.mostMissed.first?.sentence == "Memcached and redis are backends.")
        #expect(report.topics.map(\.topic) == ["demo"])
    }

    @Test func endOfInputFinishesCleanly() {
        let transcript = MemoryTranscript()
        let session = SessionFixture.session(transcript: transcript)
        _ = session.start()
        let end = session.finish(reason: "end of input")
        #expect(end.closing != nil)
        #expect(transcript.records.last?.reason == "end of input")
    }
}
