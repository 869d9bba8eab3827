import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// Samples from outside the banks: samples files, batch lines marked "sample", and where they
/// count.
@Suite struct SampleBookTests {
    @Test func readsLinesWithTheirPlaceAsLabelAndWindowsLineEnds() throws {
        var book = SampleBook()
        let text =
            "{\"question_id\": \"django.csrf\", \"answer\": \"a token\", \"score\": 90}\r\n\r\n"
            + "{\"question_id\": \"django.csrf\", \"answer\": \"no idea\", \"score\": 5.5}\r\n"
        try book.read(text, path: "graded/reviews.jsonl")
        let samples = try #require(book.byQuestion["django.csrf"])
        #expect(samples.map(\.score) == [90, 5.5])
        #expect(samples.map(\.label) == ["reviews.jsonl:1", "reviews.jsonl:3"])
        #expect(book.count == 2)
    }

    @Test(arguments: [
        ("nope", "s.jsonl:1: not a JSON object (each line is one {\"question_id\", \"answer\", \"score\"})"),
        ("{\"answer\": \"a\", \"score\": 1}", "s.jsonl:1: missing \"question_id\" (the bank question it answers)"),
        ("{\"question_id\": \"q\", \"score\": 1}", "s.jsonl:1: missing \"answer\" (a string)"),
        (
            "{\"question_id\": \"q\", \"answer\": \"a\", \"score\": 101}",
            "s.jsonl:1: \"score\" must be a number from 0 to 100 (the grade a person gave the answer), got 101"
        ),
        (
            "{\"question_id\": \"q\", \"answer\": \"a\", \"score\": \"high\"}",
            "s.jsonl:1: \"score\" must be a number from 0 to 100 (the grade a person gave the answer), got \"high\""
        ),
    ])
    func badLinesAreErrorsNamingFileLineAndFix(line: String, message: String) {
        var book = SampleBook()
        #expect(throws: CoreError.samplesLine(path: "s.jsonl", line: 1, message: String(message.dropFirst("s.jsonl:1: ".count)))) {
            try book.read(line + "\n", path: "s.jsonl")
        }
        #expect((try? book.read(line, path: "s.jsonl")) == nil)
        let error = CoreError.samplesLine(path: "s.jsonl", line: 1, message: String(message.dropFirst("s.jsonl:1: ".count)))
        #expect(error.description == message)
    }

    @Test func samplesJoinTheirBankQuestionAndUnknownIDsAreRefused() throws {
        let catalog = try CatalogLoader.load(.builtin).validCatalog()
        var book = SampleBook()
        book.add(GradedSample(answer: "a token in every form", score: 80, label: "s:1"), to: "django.csrf", at: "s:1")
        let added = try catalog.adding(book)
        let question = try added.requireQuestion(id: "django.csrf")
        #expect(question.samples.map(\.label) == ["s:1"])
        // The bank's examples come first, then the samples from outside.
        #expect(question.scoringQuestion.samples.map(\.label).last == "s:1")
        #expect(question.scoringQuestion.samples.first?.label == "example 1")

        var wrong = SampleBook()
        wrong.add(GradedSample(answer: "x", score: 1, label: "s:4"), to: "django.csfr", at: "s.jsonl:4")
        #expect(throws: CoreError.unknownSampleQuestion(place: "s.jsonl:4", id: "django.csfr", hint: "did you mean \"django.csrf\"?")) {
            try catalog.adding(wrong)
        }
    }

    @Test func exampleGradesComeFromScoreRangeOrBand() {
        #expect(Example(answer: "a", expect: .band(.strong)).grade == 85)
        #expect(Example(answer: "a", expect: .band(.partial)).grade == 55)
        #expect(Example(answer: "a", expect: .band(.weak)).grade == 20)
        #expect(Example(answer: "a", expect: .range(30...60)).grade == 45)
        #expect(Example(answer: "a", expect: .band(.strong), score: 93).grade == 93)
    }

    @Test func batchSampleLinesAreNotScoredAndCountOnlyForTheirQuestion() {
        let q1 = #""question": "Why are duplicate packets a problem?", "reference": "The receiver may act on the same data twice.""#
        let q2 = #""question": "What is a checksum?", "reference": "A value computed over the data to detect errors.""#
        let plain = [
            "{\"question_id\": \"a\", \(q1), \"answer\": \"Duplicates waste bandwidth and cause congestion.\", \"score\": 1, \"max_score\": 1}",
            "{\"question_id\": \"b\", \(q2), \"answer\": \"Duplicates waste bandwidth and cause congestion.\", \"score\": 0, \"max_score\": 1}",
        ]
        let sample =
            "{\"question_id\": \"a\", \(q1), \"answer\": \"Duplicates waste bandwidth, congestion follows.\", \"score\": 2, \"max_score\": 2, \"sample\": true}"
        let scorer = BatchScorer(settings: ScorerSettings(), catalog: { Catalog() })
        let without = scorer.score(text: plain.joined(separator: "\n"))
        let with = scorer.score(text: ([sample] + plain).joined(separator: "\n"))
        #expect(with.count == 3)
        #expect(with[0].jsonLine == "{\"sample\": true}")
        #expect(with[0].report == nil && with[0].error == nil)
        #expect(with[1].report?.matchedSample?.label == "line 1")
        #expect(with[1].report?.score ?? 0 > without[0].report?.score ?? 100)
        // Question b has no samples: exactly its score without them.
        #expect(with[2].report == without[1].report)
        let eval = try? EvalReport.File(file: "f", outcomes: with) { _ in }
        #expect(eval?.agreement.n == 2)
        #expect(eval?.skipped == 0)
    }

    @Test func aSampleLineWithoutAGradeIsAnError() {
        let line = #"{"question": "Q?", "reference": "r", "answer": "a", "sample": true}"#
        let outcome = BatchScorer(settings: ScorerSettings(), catalog: { Catalog() }).score(text: line)
        #expect(outcome.first?.error == .batchLine(1, "a sample line (\"sample\": true) needs its grade: \"score\" between 0 and \"max_score\""))
    }
}
