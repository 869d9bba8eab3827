import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// `history` and `stats` read a folder through its summary index: they must say exactly what
/// reading every transcript says, and notice every transcript that changed since.
@Suite("The summary index gives history and stats what the transcripts give")
struct TranscriptIndexTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "rehearse-index-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Reports of the folder read whole and read through the index, as JSON.
    static func reports(_ folder: String) throws -> (whole: [String], indexed: [String]) {
        let library = TranscriptLibrary(folder: folder)
        let now = try #require(TranscriptTime.parse("2026-11-27T12:00:00.000Z"))
        func texts(_ sessions: [SessionSummary]) throws -> [String] {
            [
                try HistoryReport(summaries: sessions, folder: folder, includeEmpty: true).jsonText(),
                try StatsReport(summaries: sessions, folder: folder, now: now).jsonText(),
                try HistoryReport(summaries: sessions, folder: folder, candidate: "an").jsonText(),
            ]
        }
        let whole = library.sessions()
        let indexed = TranscriptIndex(library: library).summaries()
        #expect(indexed.warnings == whole.warnings)
        return (try texts(whole.sessions.map(SessionSummary.init)), try texts(indexed.summaries))
    }

    static func write(_ folder: String, _ name: String, _ data: Data) throws {
        try data.write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    @Test("reports from the index equal reports from the transcripts, before and after a change")
    func sameReports() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hostile =
            #"{"type":"session_start","time":"2026-11-24T08:00:00.000Z","schema":1,"scenario":"s\tx","candidate":"An%\u001f\nna","seed":"2"}"#
        try Self.write(folder, "20261125-090000-s.jsonl", ReviewModelTests.transcript())
        try Self.write(
            folder, "20261124-080000-s.jsonl",
            Data(
                (hostile + "\n"
                    + #"{"type":"question","time":"2026-11-24T08:00:01.000Z","question_id":"q\t1","number":1,"topic":"t%","difficulty":"easy"}"#
                    + "\n" + #"{"type":"skip","time":"2026-11-24T08:00:02.000Z","question_id":"q\t1"}"# + "\nnot json\n").utf8))
        let first = try Self.reports(folder)
        #expect(first.indexed == first.whole)
        #expect(FileManager.default.fileExists(atPath: folder + "/" + TranscriptIndex.fileName))
        let again = try Self.reports(folder)
        #expect(again.indexed == again.whole, "read back from the index file")

        // A transcript that grows (a review), one that goes and one that comes are all seen.
        let review = ReviewModelTests.review("q2", 1, 95, at: "2026-11-26T10:00:00.000Z")
        try Self.write(folder, "20261125-090000-s.jsonl", ReviewModelTests.transcript(reviews: [review]))
        try FileManager.default.removeItem(atPath: folder + "/20261124-080000-s.jsonl")
        try Self.write(folder, "20261126-090000-s.jsonl", ReviewModelTests.transcript())
        let changed = try Self.reports(folder)
        #expect(changed.indexed == changed.whole)
        #expect(changed.indexed[0].contains("\"reviewed\" : 1"))

        // A damaged index is no index: it is rebuilt from the transcripts.
        try Self.write(folder, TranscriptIndex.fileName, Data("rehearse-index 2\nS\tbroken\n".utf8))
        let rebuilt = try Self.reports(folder)
        #expect(rebuilt.indexed == rebuilt.whole)
    }

    @Test("the index text survives tabs, line breaks, percent signs and separators in any field")
    func format() throws {
        let log = try TranscriptReader.parse(ReviewModelTests.transcript(), path: "/x/a\tb.jsonl")
        var summary = SessionSummary(log)
        summary.candidate = "A\tB\nC%D\u{1F}E"
        summary.questions[0].matched = ["x\u{1F}y", "%", "", "tab\there"]
        summary.warnings = ["line 3: bad\tline\n"]
        let entries = ["a\tb.jsonl": TranscriptIndex.Entry(size: 12, modified: 34, summary: summary)]
        let read = try #require(IndexFormat.entries(IndexFormat.text(entries)))
        #expect(read["a\tb.jsonl"]?.summary == summary)
        #expect(read["a\tb.jsonl"]?.size == 12 && read["a\tb.jsonl"]?.modified == 34)
        #expect(IndexFormat.entries("rehearse-index 1\n") == nil && IndexFormat.entries("") == nil)
    }
}
