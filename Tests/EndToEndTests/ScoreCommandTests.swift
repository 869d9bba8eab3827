import Foundation
import Testing

/// `rehearse score` and `rehearse eval`, run as a user would.
@Suite final class ScoreCommandTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func scoresOneAnswerReadably() throws {
        let output = try runner.run([
            "score", "--question", "django.csrf", "It is cross-site request forgery; the csrf_token in every POST form stops it.",
        ])
        #expect(output.status == 0)
        #expect(output.stdout.contains("What is CSRF, and how does Django protect against it?"))
        #expect(output.stdout.contains("✓ CSRF token  \"csrf_token\""))
        #expect(output.stdout.contains("You explained"))
    }

    @Test func readsTheAnswerFromStandardInputAndPrintsJSON() throws {
        let output = try runner.run(["score", "--question", "django.migrations", "--json"], stdin: "run makemigrations, then migrate")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(report["band"] as? String != nil)
        #expect((report["matched"] as? [[String: Any]])?.compactMap { $0["concept"] as? String } == ["makemigrations", "migrate"])
    }

    @Test func unknownQuestionSuggestsOne() throws {
        let output = try runner.run(["score", "--question", "django.csfr", "x"])
        #expect(output.status == 1)
        #expect(output.stderr == "rehearse: unknown question \"django.csfr\" (did you mean \"django.csrf\"?)\n")
        let neither = try runner.run(["score"])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("give --question ID with an answer, or --batch FILE"))
    }

    @Test func batchKeepsInputOrderAndReportsBadLines() throws {
        let lines = [
            #"{"question": "What is a queue?", "reference": "A first in first out list.", "answer": "FIFO: first in, first out.", "score": 5}"#,
            #"{"question_id": "django.csrf", "answer": "cross-site request forgery, stopped by the csrf_token"}"#,
            #"not json"#,
            #"{"question_id": "django.nope", "answer": "x"}"#,
            "",
            #"{"reference": 42, "answer": "x"}"#,
            #"{"question": "Q?", "reference": "a stack is last in first out", "answer": "", "unknown": true}"#,
        ]
        let output = try runner.run(["score", "--batch", "-"], stdin: lines.joined(separator: "\n"))
        #expect(output.status == 1)
        let results = output.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(results.count == 6)
        #expect(results[0]?["score"] as? Double ?? 0 > 0)
        #expect(results[1]?["band"] as? String == "partial" || results[1]?["band"] as? String == "strong")
        #expect(results[2]?["score"] is NSNull)
        #expect(
            results[2]?["error"] as? String
                == #"not a JSON object (each line must be one object such as {"question_id": "django.csrf", "answer": "..."})"#)
        #expect(results[3]?["error"] as? String == #"unknown question_id "django.nope" (`rehearse questions` lists the ids)"#)
        #expect(results[4]?["error"] as? String == #""reference" must be a string"#)
        #expect(results[5]?["score"] as? Double == 0)
        #expect(
            output.stderr.split(separator: "\n").map(String.init) == [
                #"rehearse: line 3: not a JSON object (each line must be one object such as {"question_id": "django.csrf", "answer": "..."})"#,
                #"rehearse: line 4: unknown question_id "django.nope" (`rehearse questions` lists the ids)"#,
                #"rehearse: line 6: "reference" must be a string"#,
                "rehearse: 3 of 6 lines could not be scored",
            ])
    }

    @Test func batchOfGoodLinesExitsZero() throws {
        let output = try runner.run(
            ["score", "--batch", "-"], stdin: #"{"question": "Q?", "reference": "first in first out", "answer": "first in, first out"}"# + "\n")
        #expect(output.status == 0)
        #expect(output.stdout == "{\"score\": 100, \"band\": \"strong\", \"matched\": [\"first\"], \"missed\": []}\n")
    }

    @Test func evalPrintsAgreementPerFile() throws {
        let file = runner.home.appendingPathComponent("graded.jsonl")
        let rows = [
            (#"first in first out"#, "FIFO, first in first out", 5.0), ("first in first out", "last in first out", 2.0),
            ("first in first out", "a tree", 0.0), ("first in first out", "the first one in goes out first", 4.0),
        ]
        let text = rows.map {
            #"{"question_id": "q1", "question": "What is a queue?", "reference": "\#($0.0)", "answer": "\#($0.1)", "score": \#($0.2), "max_score": 5}"#
        }
        try text.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let output = try runner.run(["eval", file.path, "--json"])
        #expect(output.status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(records.first?["n"] as? Int == 4)
        #expect(records.first?["pearson"] as? Double ?? 0 > 0.5)

        let ungraded = runner.home.appendingPathComponent("ungraded.jsonl")
        try #"{"reference": "r", "answer": "a"}"#.write(to: ungraded, atomically: true, encoding: .utf8)
        let none = try runner.run(["eval", ungraded.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("has no graded lines"))
    }
}

/// docs/scoring.md walks through this exact answer; if the scorer changes, the doc must too.
@Test func theWorkedExampleOfTheDocsHolds() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let answer = "You run makemigrations after changing the models; it writes migration files. Then migrate applies them to the database."
    let output = try runner.run(["score", "--question", "django.migrations", "--json", answer])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(report["score"] as? Double == 82.9)
    #expect(report["band"] as? String == "strong")
    #expect(
        report["feedback"] as? String
            == "You explained makemigrations, migrate and schema follows the models; you didn't mention inspection commands.")
    let doc = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
    #expect(doc.contains("**82.9**"))
}
