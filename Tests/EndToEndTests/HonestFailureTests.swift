import Foundation
import Testing

/// Failures that used to look like success (issue 16, item 9): each is an error naming what
/// was wrong, or says plainly that nothing was done.
@Suite final class HonestFailureTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func anUnreadableTranscriptsFolderIsAnErrorNotAnEmptyHistory() throws {
        // Root reads any folder, so the unreadable one here is a file where the folder should be.
        let file = runner.home.appendingPathComponent("not-a-folder")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        for command in ["history", "stats", "due", "search csrf"] {
            let output = try runner.run(command.split(separator: " ").map(String.init) + ["--transcripts", file.path])
            #expect(output.status == 1, "\(command): \(output.stdout)")
            #expect(output.stderr.contains("cannot read \"\(file.path)\": it is a file, not a folder"), "\(command): \(output.stderr)")
            #expect(!output.stdout.contains("No sessions yet"), "\(command)")
        }
        // A folder that does not exist yet has no sessions: that is not an error.
        let fresh = try runner.run(["history", "--transcripts", runner.home.appendingPathComponent("new").path])
        #expect(fresh.status == 0)
        #expect(fresh.stdout.contains("No sessions yet"))
    }

    @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
        let output = try runner.run(["histroy"])
        #expect(output.status == 64)
        #expect(output.stderr == "rehearse: unknown command \"histroy\" (did you mean \"history\"?); `rehearse --help` lists them\n")
        #expect(!output.stdout.contains("USAGE"))
    }

    @Test func compareOfAnUnknownQuestionSuggestsTheRealOne() throws {
        let output = try runner.run(["compare", "django.csfr"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("unknown question \"django.csfr\" (did you mean \"django.csrf\"?)"))
        let known = try runner.run(["compare", "django.csrf"])
        #expect(known.status == 0, "a real question with no attempt yet is not an error")
    }

    @Test func verifyOfABankWithoutExamplesSaysNothingWasVerified() throws {
        let bank = runner.home.appendingPathComponent("bare.yaml")
        try """
        questions:
          - id: demo.cache
            topic: demo
            difficulty: easy
            prompt: What is caching?
            answer: Caching stores expensive results in memory so the next request is fast.
            concepts: [{name: memory, terms: [memory]}]
            hints: [Where are results kept?]
            follow_up: How do you keep it fresh?
        """.write(to: bank, atomically: true, encoding: .utf8)
        let output = try runner.run(["verify", bank.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Nothing was verified"))
        #expect(!output.stdout.contains("0 mismatched"))
        let strict = try runner.run(["verify", "--require-examples", bank.path])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("Nothing was verified"))
    }

    @Test func searchShowsTheMatchingPartOfALongAnswer() throws {
        let folder = runner.home.appendingPathComponent("t").path
        let filler = String(repeating: "Caching is a broad subject with many trade-offs to weigh. ", count: 170)
        let answer = filler + "The zebracorn token is the point. " + filler
        let practice = try runner.run(["practice", "--seed", "1", "--count", "1", "--no-follow-up", "--transcripts", folder], stdin: answer + "\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        let output = try runner.run(["search", "zebracorn", "--transcripts", folder])
        #expect(output.status == 0)
        #expect(output.stdout.contains("zebracorn"))
        #expect(output.stdout.contains("…"))
        #expect(output.stdout.count < 2_000, "the whole \(answer.count)-character answer was printed")
    }
}
