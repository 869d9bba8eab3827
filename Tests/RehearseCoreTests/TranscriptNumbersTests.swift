import Foundation
import Testing

@testable import RehearseCore

/// Transcripts are files anyone can edit: numbers out of range and unreadable first lines must
/// cost a warning, never a crash, and never let a file past the schema check.
@Suite struct TranscriptNumbersTests {
    /// A one-question session; each `%KEY%` is replaced by a test's value (or the default).
    static let template = [
        #"{"type":"session_start","time":"2026-11-25T09:59:05.312Z","schema":%SCHEMA%,"scenario":"django-deep-dive","seed":"4","options":{"count":"%COUNT%","hint_penalty":"20"}}"#,
        #"{"type":"question","time":"2026-11-25T09:59:05.313Z","question_id":"django.orm","number":1,"prompt":"What does the ORM do?","topic":"django","difficulty":"medium"}"#,
        #"{"type":"answer","time":"2026-11-25T09:59:41.002Z","question_id":"django.orm","text":"It maps models to tables and writes migrations","follow_up":false,"asked_at":"2026-11-25T09:59:05.313Z","answered_at":"2026-11-25T09:59:41.002Z","elapsed_seconds":%ELAPSED%,"overtime":false}"#,
        #"{"type":"score","time":"2026-11-25T09:59:41.004Z","question_id":"django.orm","follow_up":false,"score":%SCORE%,"final_score":%FINAL%,"band":"partial","matched":[{"concept":"models","term":"models","evidence":"models","span":[8,14]}],"missed":[{"concept":"queries","weight":1,"required":false}],"feedback":"You explained models.","hints_used":%HINTS%}"#,
        #"{"type":"session_end","time":"2026-11-25T10:00:02.593Z","reason":"completed","answered":1,"skipped":0,"overall":%OVERALL%,"duration_seconds":%DURATION%}"#,
    ]
    static let defaults = [
        "SCHEMA": "1", "COUNT": "1", "ELAPSED": "35.7", "SCORE": "41.3", "FINAL": "41.3", "HINTS": "0", "OVERALL": "41.3", "DURATION": "57.3",
    ]

    /// The transcript with `values` in place of the defaults.
    static func transcript(_ values: [String: String] = [:]) -> String {
        var text = template.joined(separator: "\n") + "\n"
        for (key, value) in defaults.merging(values, uniquingKeysWith: { $1 }) {
            text = text.replacingOccurrences(of: "%\(key)%", with: value)
        }
        return text
    }

    /// A fresh folder holding `files` (name to text), removed after `body`.
    static func withFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-numbers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try body(folder.path)
    }

    /// Every report the folder-reading commands build, and their JSON, from `folder`.
    static func buildEveryReport(_ folder: String) throws -> (sessions: [SessionLog], warnings: [String]) {
        let (sessions, warnings) = TranscriptLibrary(folder: folder).sessions()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try HistoryReport(sessions: sessions, folder: folder).jsonText()
        _ = try StatsReport(sessions: sessions, folder: folder, now: now).jsonText()
        _ = try DueReport(sessions: sessions, now: now).jsonText()
        let search = try #require(AnswerSearch("migrations"))
        _ = try SearchReport(query: "migrations", search: search, sessions: sessions).jsonText()
        _ = try CompareReport(questionID: "django.orm", sessions: sessions).jsonText()
        for session in sessions {
            _ = DisplayFormat.score(session.overall)
            _ = session.duration.map(DisplayFormat.minutes)
        }
        return (sessions, warnings)
    }

    @Test func theUntouchedTemplateReadsCleanly() throws {
        try Self.withFolder(["20261125-095905-django.jsonl": Self.transcript()]) { folder in
            let log = try TranscriptReader.read(folder + "/20261125-095905-django.jsonl")
            #expect(log.warnings.isEmpty)
            #expect(log.questions.first?.finalScore == 41.3)
            #expect(log.questions.first?.answer?.elapsedSeconds == 35.7)
            #expect(log.end?.overall == 41.3)
            #expect(log.start?.schema == 1)
        }
    }

    @Test(
        arguments: [
            ("FINAL", "1e19", 4, #"("final_score": 1e+19)"#),
            ("SCORE", "-9223372036854775808", 4, #"("score": -9.223372036854776e+18)"#),
            ("SCORE", "-1e9", 4, #"("score": -1000000000.0)"#),
            ("FINAL", "100.5", 4, #"("final_score": 100.5)"#),
            ("HINTS", "-1", 4, #"("hints_used": -1)"#),
            ("OVERALL", "1e300", 5, #"("overall": 1e+300)"#),
            ("DURATION", "1e300", 5, #"("duration_seconds": 1e+300)"#),
            ("DURATION", "-1e12", 5, #"("duration_seconds": -1000000000000.0)"#),
            ("ELAPSED", "1e19", 3, #"("elapsed_seconds": 1e+19)"#),
            ("COUNT", "-9223372036854775808", 1, #"("options.count": "-9223372036854775808")"#),
        ])
    func anOutOfRangeNumberSkipsItsLineWithAWarning(key: String, value: String, line: Int, named: String) throws {
        let name = "20261125-095905-django.jsonl"
        try Self.withFolder([name: Self.transcript([key: value]), "20261124-080000-django.jsonl": Self.transcript()]) { folder in
            let path = folder + "/" + name
            let log = try TranscriptReader.read(path)
            #expect(log.warnings == ["\(path):\(line): skipped a line with an out-of-range number \(named)"])
            switch line {
            case 1: #expect(log.start == nil)
            case 3: #expect(log.questions.first?.answer == nil)
            case 4: #expect(log.questions.first?.score == nil)
            default: #expect(log.end == nil)
            }
            #expect(log.questions.count == 1)

            let (sessions, warnings) = try Self.buildEveryReport(folder)
            #expect(sessions.count == 2)
            #expect(warnings == log.warnings)
        }
    }

    @Test func aSkippedQuestionTakesItsAnswerAndHintsWithIt() throws {
        let hint = #"{"type":"hint","time":"2026-11-25T09:59:10.000Z","question_id":"django.orm","number":1,"text":"Think tables."}"#
        let text = Self.transcript()
            .replacingOccurrences(of: #""number":1"#, with: #""number":-1"#)
            .replacingOccurrences(of: #"{"type":"answer""#, with: hint + "\n" + #"{"type":"answer""#)
        try Self.withFolder(["a.jsonl": text]) { folder in
            let log = try TranscriptReader.read(folder + "/a.jsonl")
            #expect(log.questions.isEmpty)
            #expect(log.warnings.first?.hasSuffix(#":2: skipped a line with an out-of-range number ("number": -1)"#) == true)
        }
    }

    @Test(
        arguments: [
            (#""2""#, #""schema": "2" is not a whole number"#),
            ("1e309", #""schema": 1e309 is not a whole number"#),
            ("1.5", #""schema": 1.5 is not a whole number"#),
            ("1,,", "not valid JSON"),
        ])
    func anUnreadableFirstLineRefusesTheFile(schema: String, reason: String) throws {
        try Self.withFolder(["a.jsonl": Self.transcript(["SCHEMA": schema]), "b.jsonl": Self.transcript()]) { folder in
            let path = folder + "/a.jsonl"
            let error = try #require(throws: CoreError.self) { try TranscriptReader.read(path) }
            let message = error.description
            #expect(message.hasPrefix("\(path):1: the first line is not a readable session start ("), "\(message)")
            #expect(message.contains(reason), "\(message)")
            #expect(message.contains("cannot tell which transcript schema it uses"))

            // A folder reader reports the file and reads the others.
            let (sessions, warnings) = try Self.buildEveryReport(folder)
            #expect(sessions.map(\.path) == [folder + "/b.jsonl"])
            #expect(warnings == [message])
        }
    }

    @Test func aFirstLineCutOffRefusesTheFile() throws {
        let lines = Self.transcript().split(separator: "\n")
        let text = String(lines[0].prefix(60)) + "\n" + lines.dropFirst().joined(separator: "\n") + "\n"
        try Self.withFolder(["a.jsonl": "\n  \n" + text]) { folder in
            let path = folder + "/a.jsonl"
            let error = try #require(throws: CoreError.self) { try TranscriptReader.read(path) }
            // The first non-blank line is the third.
            #expect(error.description.hasPrefix("\(path):3: the first line is not a readable session start (not valid JSON"), "\(error)")
        }
    }

    @Test(arguments: ["0", "-3"])
    func aSchemaThatIsNotPositiveRefusesTheFile(schema: String) throws {
        try Self.withFolder(["a.jsonl": Self.transcript(["SCHEMA": schema])]) { folder in
            let path = folder + "/a.jsonl"
            let error = try #require(throws: CoreError.self) { try TranscriptReader.read(path) }
            #expect(error.description.contains(#"has "schema": \#(schema), not a positive whole number"#), "\(error)")
        }
    }

    @Test func aNewerSchemaIsRefusedEvenWhenItsStartLineHasABadOption() throws {
        try Self.withFolder(["a.jsonl": Self.transcript(["SCHEMA": "2", "COUNT": "-1"])]) { folder in
            let error = try #require(throws: CoreError.self) { try TranscriptReader.read(folder + "/a.jsonl") }
            #expect(error.description.contains("newer rehearse (transcript schema 2"))
        }
    }

    @Test func laterBrokenLinesAreStillOnlySkipped() throws {
        try Self.withFolder(["a.jsonl": Self.transcript() + "{\"type\":\"quest\n"]) { folder in
            let log = try TranscriptReader.read(folder + "/a.jsonl")
            #expect(log.warnings.count == 1)
            #expect(log.end != nil)
        }
    }

    /// The reports stay safe on their own, for logs that never went through the reader.
    @Test(arguments: [-1e9, 1e19, -9.223_372_036_854_775_808e18, .nan, .infinity, -.infinity])
    func reportsAndSchedulesSurviveAnyScore(score: Double) throws {
        var log = SessionLog(path: "made-up.jsonl")
        var start = TranscriptRecord(.sessionStart, at: Date(timeIntervalSince1970: 1_800_000_000))
        start.scenario = "demo"
        log.start = start
        var asked = TranscriptRecord(.question, at: Date(timeIntervalSince1970: 1_800_000_000))
        asked.questionID = "django.orm"
        asked.topic = "django"
        asked.difficulty = "easy"
        var question = ReplayedQuestion(asked, askedAt: Date(timeIntervalSince1970: 1_800_000_000))
        question.answer = ReplayedAnswer(text: "migrations", askedAt: nil, answeredAt: nil, elapsedSeconds: score, overtime: false)
        var scored = TranscriptRecord(.score, at: Date(timeIntervalSince1970: 1_800_000_000))
        scored.finalScore = score
        question.score = scored
        log.questions = [question]
        var end = TranscriptRecord(.sessionEnd, at: Date(timeIntervalSince1970: 1_800_000_100))
        end.overall = score
        end.durationSeconds = score
        log.end = end
        let now = Date(timeIntervalSince1970: 1_800_000_000)

        let due = DueReport(sessions: [log], now: now)
        #expect(due.items.count == 1)
        _ = due.items.map { $0.overdueDays(at: now) }
        _ = HistoryReport(sessions: [log], folder: "f")
        _ = StatsReport(sessions: [log], folder: "f", now: now)
        _ = CompareReport(questionID: "django.orm", sessions: [log])
        #expect(DisplayFormat.score(score).count <= 12)
        #expect(DisplayFormat.minutes(score).count <= 24)
    }

    @Test func manyStrongAnswersKeepTheScheduleOnTheCalendar() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let attempts: [(date: Date, score: Double)] = (0..<400).map { (start + Double($0) * 86_400, 100.0) }
        let item = ReviewSchedule.schedule("q", attempts)
        #expect(item.intervalDays == ReviewSchedule.maximumInterval)
        #expect(item.overdueDays(at: start) < 0)
        #expect(item.overdueDays(at: Date.distantFuture) > 0)
    }

    @Test func displayFormatStaysShort() {
        #expect(DisplayFormat.score(72) == "72")
        #expect(DisplayFormat.score(72.5) == "72.5")
        #expect(DisplayFormat.score(1e19) == "1e+19")
        #expect(DisplayFormat.score(-1e9) == "-1e+09")
        #expect(DisplayFormat.score(.nan) == "?")
        #expect(DisplayFormat.minutes(65.3) == "1:05")
        #expect(DisplayFormat.minutes(-5) == "-0:05")
        #expect(DisplayFormat.minutes(Int.min).count < 24)
        #expect(DisplayFormat.minutes(Double.infinity) == "?")
        #expect(DisplayFormat.minutes(1e300).count < 24)
    }
}
