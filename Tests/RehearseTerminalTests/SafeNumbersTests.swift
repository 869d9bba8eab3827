import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore
@testable import RehearseTerminal

/// Bars, charts and figures stay short whatever number reaches them: an edited transcript once
/// drew a bar 100 million characters long, and 1e19 trapped converting to Int.
@Suite struct SafeNumbersTests {
    static let wild: [Double] = [-1e9, 1e19, -9.223_372_036_854_775_808e18, .nan, .infinity, -.infinity, 1e300, -0.0]

    @Test(arguments: wild)
    func barsKeepTheirWidth(score: Double) {
        #expect(ScoreReportView.bar(score).count == 10)
        #expect(ScoreReportView.bar(score, width: 4).count == 4)
        #expect(ScoreReportView.bar(score, width: -3).isEmpty)
    }

    @Test func barsFillAsBefore() {
        #expect(ScoreReportView.bar(70) == "███████░░░")
        #expect(ScoreReportView.bar(-1e9) == "░░░░░░░░░░")
        #expect(ScoreReportView.bar(1e19) == "██████████")
        #expect(ScoreReportView.bar(.nan) == "░░░░░░░░░░")
    }

    @Test(arguments: wild)
    func sparklinesDrawOneMarkPerScore(score: Double) {
        #expect(Sparkline.render([score, 50, score]).count == 3)
        #expect(Sparkline.render([score, 50, score], ascii: true).count == 3)
    }

    @Test func sparklineExtremesTakeTheEndMarks() {
        #expect(Sparkline.render([-1e9, 1e19, .nan, 0, 100], ascii: true) == "_^__^")
        #expect(Sparkline.render([-.infinity, .infinity]) == "▁█")
    }

    @Test(arguments: wild)
    func figuresAreShort(value: Double) {
        #expect(DisplayFormat.score(value).count <= 12)
        #expect(DisplayFormat.minutes(value).count <= 24)
        #expect(SessionReplayView.dateText(Date(timeIntervalSince1970: value)).count <= 16)
    }

    @Test func clampedIntNeverTraps() {
        #expect(Double.nan.clampedInt() == 0)
        #expect(Double.infinity.clampedInt() == Int.max)
        #expect((-Double.infinity).clampedInt() == Int.min)
        #expect(1e19.clampedInt() == Int.max)
        #expect((-1e9).clampedInt(in: 0...10) == 0)
        #expect(72.5.clampedInt() == 73)
        #expect(72.9.clampedInt(rounding: .towardZero) == 72)
        #expect(Double.nan.clampedInt(in: 5...9) == 5)
    }

    /// A session no reader checked (built in memory) with `value` for every score and time.
    static func session(_ value: Double, path: String) -> SessionLog {
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        var log = SessionLog(path: path)
        var start = TranscriptRecord(.sessionStart, at: time)
        start.scenario = "demo"
        log.start = start
        var asked = TranscriptRecord(.question, at: time)
        asked.questionID = "django.orm"
        asked.number = 1
        asked.topic = "django"
        asked.difficulty = "easy"
        var question = ReplayedQuestion(asked, askedAt: time)
        question.answer = ReplayedAnswer(text: "migrations", askedAt: time, answeredAt: time, elapsedSeconds: value, overtime: false)
        var scored = TranscriptRecord(.score, at: time)
        scored.questionID = "django.orm"
        scored.score = value
        scored.finalScore = value
        scored.band = "weak"
        scored.missed = [MissedConcept(concept: "queries", weight: value, required: false)]
        question.score = scored
        log.questions = [question]
        var end = TranscriptRecord(.sessionEnd, at: time)
        end.overall = value
        end.durationSeconds = value
        log.end = end
        return log
    }

    @Test(arguments: wild)
    func everyViewOfAWildSessionIsShort(value: Double) throws {
        let style = TerminalStyle(enabled: false)
        let sessions = [Self.session(value, path: "b.jsonl"), Self.session(value, path: "a.jsonl")]
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let search = try #require(AnswerSearch("migrations"))
        let texts = [
            SessionReplayView(sessions[0], style: style).frames().map(\.text).joined(),
            try SessionExport.render(sessions[0], as: .markdown),
            try SessionExport.render(sessions[0], as: .html),
            HistoryView(HistoryReport(sessions: sessions, folder: "f"), style: style).render(),
            StatsView(StatsReport(sessions: sessions, folder: "f", now: now), style: style, ascii: true).render(),
            StatsView(StatsReport(sessions: sessions, folder: "f", now: now), style: style, ascii: false).render(),
            DueView(DueReport(sessions: sessions, now: now), style: style).render(),
            CompareView(CompareReport(questionID: "django.orm", sessions: sessions), style: style).render(),
            SearchView(SearchReport(query: "migrations", search: search, sessions: sessions), style: style).render(),
        ]
        for text in texts {
            #expect(text.count < 10_000, "\(text.prefix(200))")
        }
    }
}
