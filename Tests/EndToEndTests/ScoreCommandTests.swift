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

    @Test func samplesFileMovesAScoreAndTheReportNamesTheClosest() throws {
        let samples = runner.home.appendingPathComponent("graded.jsonl")
        let answer = "The token stops other sites from sending forms as you."
        try (#"{"question_id": "django.csrf", "answer": "The token stops other sites from sending forms in your name.", "score": 95}"# + "\n")
            .write(to: samples, atomically: true, encoding: .utf8)
        let plain = try runner.run(["score", "--question", "django.csrf", "--json", answer])
        let graded = try runner.run(["score", "--question", "django.csrf", "--json", "--samples", samples.path, answer])
        #expect(graded.status == 0, "\(graded.stderr)")
        let before = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        let closest = try #require(after["closest_samples"] as? [[String: Any]])
        #expect(closest.first?["label"] as? String == "graded.jsonl:1")
        #expect(closest.first?["score"] as? Double == 95)
        #expect(after["concept_score"] as? Double != nil && after["relevance"] as? Double != nil)
        #expect(after["score"] as? Double ?? 0 > before["score"] as? Double ?? 100)

        let text = try runner.run(["score", "--question", "django.csrf", "--samples", samples.path, answer])
        #expect(text.stdout.contains("Graded answers closest to yours: 95"))

        let unknown = runner.home.appendingPathComponent("unknown.jsonl")
        try #"{"question_id": "django.csfr", "answer": "x", "score": 5}"#.write(to: unknown, atomically: true, encoding: .utf8)
        let refused = try runner.run(["score", "--question", "django.csrf", "--samples", unknown.path, answer])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(#"unknown.jsonl:1: unknown question_id "django.csfr" (did you mean "django.csrf"?)"#))
        let missing = try runner.run(["score", "--question", "django.csrf", "--samples", "/nonexistent/x.jsonl", answer])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/x.jsonl"))
        let endless = try runner.run(["score", "--question", "django.csrf", "--samples", "/dev/zero", answer])
        #expect(endless.status == 1)
        #expect(endless.stderr.contains("\"/dev/zero\""))
    }

    @Test func sampleLinesOfABatchKeepOutputAlignedAndEvalLeavesThemOut() throws {
        let lines = [
            #"{"question_id": "q", "question": "Why are duplicates a problem?", "reference": "The receiver acts twice.", "answer": "Congestion and wasted bandwidth.", "score": 5, "max_score": 5, "sample": true}"#,
            #"{"question_id": "q", "question": "Why are duplicates a problem?", "reference": "The receiver acts twice.", "answer": "They cause congestion and waste bandwidth.", "score": 4, "max_score": 5}"#,
            #"{"question_id": "q", "question": "Why are duplicates a problem?", "reference": "The receiver acts twice.", "answer": "No idea.", "score": 0, "max_score": 5}"#,
        ]
        let file = runner.home.appendingPathComponent("few.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let batch = try runner.run(["score", "--batch", file.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        let out = batch.stdout.split(separator: "\n")
        #expect(out.count == 3)
        #expect(out[0] == #"{"sample": true}"#)
        #expect(out[1].contains(#""band": "strong""#))
        let eval = try runner.run(["eval", "--json", file.path])
        let row = try #require((try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(row["n"] as? Int == 2)
        #expect(row["skipped"] as? Int == 0)
    }

    @Test func samplesNeedAScoringCommand() throws {
        let replay = try runner.run(["replay", "latest", "--samples", "x.jsonl"])
        #expect(replay.status == 64)
        #expect(replay.stderr.contains("--samples grades again, so it needs --rescore"))
        let remote = try runner.run(["practice", "--server", "http://127.0.0.1:9", "--samples", "x.jsonl"])
        #expect(remote.status == 64)
        #expect(remote.stderr.contains("give --samples to `rehearse serve` instead"))
    }
}

/// docs/scoring.md walks through this exact answer; if the scorer changes, the doc must too.
@Test func theWorkedExampleOfTheDocsHolds() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let answer = "You run makemigrations after changing the models; it writes migration files. Then migrate applies them to the database."
    let output = try runner.run(["score", "--question", "django.migrations", "--json", answer])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(report["concept_score"] as? Double == 82.9)
    #expect(report["score"] as? Double == 82.1)
    #expect(report["band"] as? String == "strong")
    #expect(
        report["feedback"] as? String
            == "You explained makemigrations, migrate and schema follows the models; you didn't mention inspection commands.")
    let doc = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
    #expect(doc.contains("**82.9**"))
    #expect(doc.contains("**82.1**"))
}
