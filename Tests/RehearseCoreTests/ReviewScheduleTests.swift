import Foundation
import Testing

@testable import RehearseCore

@Suite struct ReviewScheduleTests {
    let day = 86_400.0
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sm2IntervalsGrowWithGoodScoresAndResetOnBadOnes() {
        let good = ReviewSchedule.schedule("q", [(start, 90)])
        #expect(good.intervalDays == 4, "a strong first answer comes back later than a bare pass")
        #expect(ReviewSchedule.schedule("q", [(start, 60)]).intervalDays == 1)
        let twice = ReviewSchedule.schedule("q", [(start, 90), (start + day, 95)])
        #expect(twice.intervalDays == 6)
        let thrice = ReviewSchedule.schedule("q", [(start, 90), (start + day, 95), (start + 7 * day, 100)])
        #expect(thrice.intervalDays > 6)
        #expect(thrice.due == start + 7 * day + thrice.intervalDays * day)
        let lapse = ReviewSchedule.schedule("q", [(start, 90), (start + day, 95), (start + 7 * day, 30)])
        #expect(lapse.intervalDays == 0, "a weak answer is due again at once")
        #expect(lapse.due == start + 7 * day)
        #expect(lapse.easiness < thrice.easiness)
        #expect(lapse.easiness >= 1.3)
    }

    @Test func weakAnswersComeFirstThenTheMostOverdue() {
        let items = [
            ReviewSchedule.schedule("recent", [(start + 5 * day, 20)]),
            ReviewSchedule.schedule("old-strong", [(start, 80)]),
            ReviewSchedule.schedule("old-weak", [(start, 10)]),
            ReviewSchedule.schedule("future", [(start, 90), (start + day, 90)]),
        ]
        #expect(ReviewSchedule.due(items, at: start + 6.5 * day).map(\.questionID) == ["old-weak", "recent", "old-strong"])
    }

    @Test func justAfterScoring0And3TheyAreDueNowAndTheStrongOneIsNot() {
        let now = start + 60
        let items = [
            ReviewSchedule.schedule("zero", [(start, 0)]), ReviewSchedule.schedule("three", [(start, 3)]),
            ReviewSchedule.schedule("strong", [(start, 93.6)]),
        ]
        let due = ReviewSchedule.due(items, at: now)
        #expect(due.map(\.questionID) == ["zero", "three"])
        #expect(due.map { $0.reason(at: now) } == ["scored 0 — due now", "scored 3 — due now"])
        #expect(items[2].reason(at: now) == "scored 93.6 — due in 4 days")
    }
}

@Suite struct PracticeProgressTests {
    func session(_ day: Int, _ scores: [(String, String, Double)]) -> SessionLog {
        var log = SessionLog(path: "s\(day).jsonl")
        var start = TranscriptRecord(.sessionStart, at: Date(timeIntervalSince1970: 1_800_000_000 + Double(day) * 86_400))
        start.scenario = "demo"
        log.start = start
        for (index, (topic, difficulty, score)) in scores.enumerated() {
            var record = TranscriptRecord(.question, at: Date())
            record.questionID = "q\(index)"
            record.topic = topic
            record.difficulty = difficulty
            var question = ReplayedQuestion(record, askedAt: nil)
            question.answer = ReplayedAnswer(text: "x", askedAt: nil, answeredAt: nil, elapsedSeconds: nil, overtime: false)
            var scored = TranscriptRecord(.score, at: Date())
            scored.finalScore = score
            scored.missed = [.init(concept: "backends", weight: 1, required: false)]
            question.score = scored
            log.questions.append(question)
        }
        return log
    }

    @Test func seriesStreaksAndWeakestConcepts() {
        let sessions = [
            session(0, [("django", "easy", 20), ("flask", "hard", 40)]), session(1, [("django", "medium", 60)]),
            session(2, [("django", "easy", 80)]), session(5, [("flask", "easy", 50)]),
        ]
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 5.5 * 86_400)
        let progress = PracticeProgress(sessions: sessions.shuffled(), now: now, calendar: Calendar(identifier: .gregorian))
        #expect(progress.topics.map(\.name) == ["django", "flask"])
        #expect(progress.topics[0].scores == [20, 60, 80])
        #expect(progress.difficulties.map(\.name) == ["easy", "medium", "hard"])
        #expect(progress.longestStreak == 3)
        #expect(progress.streak == 1)
        #expect(progress.weakest.first?.concept == "backends")
        #expect(progress.weakest.first?.missed == 5)
    }
}
