import Foundation
import RehearseAPI
import RehearseScoring
import Testing

@testable import RehearseCore

/// The pieces behind reviews that need no daemon: reading review lines, the reviewed score,
/// CSV cells, cursors, names, what a session learns and the calibration figures.
@Suite("Reviews: lines, scores, CSV, cursors, names, learning and calibration")
struct ReviewModelTests {
    /// A two-question transcript: q1 answered, followed up and answered again; q2 answered.
    static func transcript(reviews: [String] = []) -> Data {
        let lines = [
            #"{"type":"session_start","time":"2026-11-25T09:00:00.000Z","schema":1,"scenario":"s","session_id":"abcdef0123","candidate":"Ana","options":{"count":"2"},"seed":"1"}"#,
            #"{"type":"question","time":"2026-11-25T09:00:00.001Z","question_id":"q1","number":1,"prompt":"P1"}"#,
            #"{"type":"answer","time":"2026-11-25T09:00:10.000Z","question_id":"q1","text":"first"}"#,
            #"{"type":"score","time":"2026-11-25T09:00:10.001Z","question_id":"q1","score":40,"final_score":40}"#,
            #"{"type":"follow_up","time":"2026-11-25T09:00:10.002Z","question_id":"q1","text":"And?"}"#,
            #"{"type":"answer","time":"2026-11-25T09:00:20.000Z","question_id":"q1","text":"second","follow_up":true}"#,
            #"{"type":"score","time":"2026-11-25T09:00:20.001Z","question_id":"q1","score":60,"final_score":60,"follow_up":true}"#,
            #"{"type":"question","time":"2026-11-25T09:00:20.002Z","question_id":"q2","number":2,"prompt":"P2"}"#,
            #"{"type":"answer","time":"2026-11-25T09:00:30.000Z","question_id":"q2","text":"third"}"#,
            #"{"type":"score","time":"2026-11-25T09:00:30.001Z","question_id":"q2","score":20,"final_score":20}"#,
            #"{"type":"session_end","time":"2026-11-25T09:00:30.002Z","reason":"completed","overall":40}"#,
        ]
        return Data((lines + reviews).joined(separator: "\n").utf8)
    }

    static func review(_ question: String, _ attempt: Int, _ score: Double, at time: String, note: String? = nil) -> String {
        var line = AnswerReview.record(
            questionID: question, attempt: attempt, score: score, scorerScore: nil, note: note, reviewer: nil,
            at: TranscriptTime.parse(time) ?? Date())
        line.time = time
        return String(decoding: try! TranscriptFile.encode(line), as: UTF8.self)
    }

    @Test("review lines attach to their question; the latest grade counts; the follow-up's grade wins")
    func reviewedScore() throws {
        let plain = try TranscriptReader.parse(Self.transcript(), path: "t.jsonl")
        #expect(plain.reviewedOverall == nil && plain.reviewedAnswers == 0 && plain.candidate == "Ana")
        let reviewed = try TranscriptReader.parse(
            Self.transcript(reviews: [
                Self.review("q1", 1, 90, at: "2026-11-26T10:00:00.000Z"), Self.review("q2", 1, 50, at: "2026-11-26T10:00:01.000Z"),
                Self.review("q2", 1, 70, at: "2026-11-26T10:00:02.000Z"), Self.review("nope", 1, 10, at: "2026-11-26T10:00:03.000Z"),
            ]), path: "t.jsonl")
        #expect(reviewed.warnings.isEmpty)
        #expect(reviewed.questions[0].reviewedScore == 90 && reviewed.questions[1].reviewedScore == 70)
        #expect(reviewed.reviewedAnswers == 2 && reviewed.reviewedOverall == 80)
        // A review is given later: it does not make the session longer.
        #expect(reviewed.duration == plain.duration)
        let followUp = try TranscriptReader.parse(
            Self.transcript(reviews: [
                Self.review("q1", 2, 30, at: "2026-11-26T10:00:00.000Z"), Self.review("q1", 1, 90, at: "2026-11-26T10:00:01.000Z"),
            ]),
            path: "t.jsonl")
        #expect(followUp.questions[0].reviewedScore == 30 && followUp.reviewedAnswers == 2)
        #expect(
            ResumeInputs.from(try Self.records(Self.transcript(reviews: [Self.review("q1", 1, 90, at: "2026-11-26T10:00:00.000Z")]))) == [
                "first", "second", "third",
            ])
    }

    static func records(_ data: Data) throws -> [TranscriptRecord] {
        try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0)) }
    }

    @Test("a session learns the grades given before it started, the latest of each answer")
    func learnedAsOf() throws {
        let log = try TranscriptReader.parse(
            Self.transcript(reviews: [
                Self.review("q1", 1, 90, at: "2026-11-26T10:00:00.000Z"), Self.review("q2", 1, 50, at: "2026-11-26T12:00:00.000Z"),
            ]),
            path: "t.jsonl")
        let learned = LearnedSamples()
        learned.learn(ReviewedSample.all(in: log))
        #expect(learned.count == 2)
        let morning = try #require(TranscriptTime.parse("2026-11-26T11:00:00.000Z"))
        #expect(learned.samples(for: "q1", before: morning).map(\.score) == [90] && learned.samples(for: "q2", before: morning).isEmpty)
        #expect(learned.samples(for: "q1", before: morning).first?.answer == "first")
        let regraded = try TranscriptReader.parse(
            Self.transcript(reviews: [Self.review("q1", 1, 20, at: "2026-11-27T10:00:00.000Z")]), path: "t.jsonl")
        learned.learn(ReviewedSample.all(in: regraded))
        #expect(learned.count == 2, "a later grade of the same answer is the same answer's")
        #expect(learned.samples(for: "q1", before: .distantFuture).map(\.score) == [20], "the latest grade counts")
        #expect(learned.samples(for: "q1", before: morning).map(\.score) == [90], "a session started before the regrade keeps the grade it had")
        #expect(learned.samples(for: "q1", before: .distantPast).isEmpty)
        #expect(learned.delayed(by: 3600).samples(for: "q1", before: morning).isEmpty, "graded less than the delay before")
    }

    @Test("CSV cells are quoted as RFC 4180 asks and formulas are defused")
    func csvCells() throws {
        #expect(ReviewCSV.cell("plain") == "plain")
        #expect(ReviewCSV.cell("a,b") == "\"a,b\"")
        #expect(ReviewCSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReviewCSV.cell("two\nlines") == "\"two\nlines\"")
        #expect(ReviewCSV.cell("two\r\nlines") == "\"two\r\nlines\"")
        for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(ReviewCSV.cell(risky).hasPrefix("'") || ReviewCSV.cell(risky).hasPrefix("\"'"), "\(risky.debugDescription)")
        }
        #expect(ReviewCSV.cell("=A1,B1") == "\"'=A1,B1\"")
        let text = ReviewCSV.text([try TranscriptReader.parse(Self.transcript(), path: "t.jsonl")])
        #expect(text.hasSuffix("\r\n") && text.components(separatedBy: "\r\n").count == 5, "header and three answers")
    }

    @Test("cursors round-trip and order pages newest first; junk is no cursor")
    func cursors() {
        let cursor = ReviewCursor(startedAt: "2026-11-25T09:00:00.000Z", id: "abc")
        #expect(ReviewCursor(cursor.text) == cursor)
        #expect(cursor.precedes(startedAt: "2026-11-25T08:00:00.000Z", id: "zzz"))
        #expect(cursor.precedes(startedAt: "2026-11-25T09:00:00.000Z", id: "abd"))
        #expect(!cursor.precedes(startedAt: "2026-11-25T09:00:00.000Z", id: "abc"))
        #expect(!cursor.precedes(startedAt: "2026-11-25T10:00:00.000Z", id: "aaa"))
        for junk in ["", "%%%", "bm9zcGFjZQ", String(repeating: "A", count: 600)] { #expect(ReviewCursor(junk) == nil, "\(junk)") }
    }

    @Test("names are 1-80 visible characters, trimmed")
    func names() throws {
        #expect(try CandidateName.validated("  Ana Lima ", field: "x").get() == "Ana Lima")
        #expect(try CandidateName.validated("Zoë 李", field: "x").get() == "Zoë 李")
        for bad in ["", " \t", String(repeating: "é", count: 81), "a\u{1B}[31m", "a\u{202E}b", "a\u{200B}", "a\u{85}b", "a\nb"] {
            guard case .failure(let error) = CandidateName.validated(bad, field: "field \"candidate\"") else {
                Issue.record("\(bad.debugDescription) was taken")
                continue
            }
            #expect(error.description.hasPrefix("field \"candidate\""))
        }
        #expect(try ReviewNote.validated("line one\n\tline two").get() == "line one\n\tline two")
        #expect(try ReviewNote.validated("   ").get() == nil)
    }

    @Test("calibration: n, Pearson and the mean difference, the furthest question first")
    func calibration() throws {
        let log = try TranscriptReader.parse(
            Self.transcript(reviews: [
                Self.review("q1", 1, 50, at: "2026-11-26T10:00:00.000Z"), Self.review("q1", 2, 70, at: "2026-11-26T10:00:00.000Z"),
                Self.review("q2", 1, 80, at: "2026-11-26T10:00:00.000Z"),
            ]), path: "t.jsonl")
        let report = CalibrationReport([log])
        #expect(report.overall.n == 3 && report.sessions == 1)
        // Scorer 40, 60, 20 against reviewers 50, 70, 80.
        #expect(abs(report.overall.meanDifference - (10 + 10 + 60) / 3) < 1e-9)
        #expect(report.questions.map(\.name) == ["q2", "q1"])
        #expect(report.questions[1].pearson.map { abs($0 - 1) < 1e-9 } == true && report.questions[0].pearson == nil)
        #expect(CalibrationReport([]).overall.n == 0)
    }
}
