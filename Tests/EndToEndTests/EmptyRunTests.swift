import Foundation
import Testing

/// A run ended before any answer (issue 16, item 6): the transcript is kept, but it is not
/// practice — no score, no place in history or the trends, nothing scheduled.
@Suite final class EmptyRunTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func aRunWithNoAnswerIsNotScoredListedOrScheduled() throws {
        let folder = runner.home.appendingPathComponent("t").path
        let empty = try runner.run(["practice", "--seed", "1", "--transcripts", folder], stdin: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("We stopped before any answer — nothing to score."))
        #expect(empty.stdout.contains("Nothing was answered, so there is nothing to score."))
        #expect(!empty.stdout.contains("Overall:"))
        #expect(!empty.stdout.contains("Thanks, that's all my questions"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.count == 1, "the transcript is kept")

        let history = try runner.run(["history", "--transcripts", folder])
        #expect(history.stdout.contains("No answered sessions yet"))
        #expect(history.stdout.contains("1 session ended before any answer not shown (--all lists them)"))
        let all = try runner.run(["history", "--all", "--transcripts", folder])
        #expect(all.stdout.contains("0/1"))
        let due = try runner.run(["due", "--transcripts", folder])
        #expect(due.stdout.contains("Nothing scheduled yet"))

        // Stopped after one answer of five: plain words, not the scenario's "that's all my questions".
        let early = try runner.run(["practice", "--seed", "1", "--no-follow-up", "--transcripts", folder], stdin: "It stores results.\n")
        #expect(early.stdout.contains("We stopped after 2 of 5 questions, 1 answered — here's how those went."))
        #expect(early.stdout.contains("Overall:"))
        let listed = try runner.run(["history", "--transcripts", folder])
        #expect(listed.stdout.contains("1/2"))
        #expect(listed.stdout.contains("1 session ended before any answer not shown"))
        let stats = try runner.run(["stats", "--transcripts", folder])
        #expect(stats.stdout.contains("1 session"))
    }

    @Test func theGreetingFollowsTheCountAndATooLargeCountIsCut() throws {
        let folder = runner.home.appendingPathComponent("g").path
        let three = try runner.run(["practice", "--count", "3", "--transcripts", folder], stdin: "")
        #expect(three.stdout.contains("I'll ask you three questions"))
        let many = try runner.run(["practice", "--count", "500", "--scenario", "flask-fundamentals", "--transcripts", folder], stdin: "")
        #expect(many.stderr.contains("rehearse: note: flask-fundamentals has "))
        #expect(many.stderr.contains(", not 500: asking "))
    }
}
