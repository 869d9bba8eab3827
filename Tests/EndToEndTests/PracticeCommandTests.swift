import Foundation
import Testing

/// `rehearse practice` through a pipe, as scripts and CI use it.
@Suite final class PracticeCommandTests {
    let runner: BinaryRunner
    let transcripts: URL

    init() throws {
        runner = try BinaryRunner()
        transcripts = runner.home.appendingPathComponent("transcripts")
    }

    deinit { runner.cleanUp() }

    static let answers = "Django uses the MVT pattern\nmiddleware sits between request and response\n/skip\n"
    var command: [String] {
        ["practice", "--scenario", "python-web", "--count", "3", "--seed", "1", "--no-follow-up", "--transcripts", transcripts.path]
    }

    func transcriptFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: transcripts, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func records(_ file: URL) throws -> [[String: Any]] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The questions asked and the scores given (other lines hold times and file names).
    static func comparable(_ text: String) -> String {
        text.split(separator: "\n").filter { $0.hasPrefix("Question ") || $0.hasPrefix("Score ") }.joined(separator: "\n")
    }

    @Test("the second start reads the built-in banks from the cache's snapshot, and the session is the same")
    func snapshotGivesTheSameSession() throws {
        let cache = runner.home.appendingPathComponent(".cache/rehearse")
        let first = try runner.run(command, stdin: Self.answers)
        #expect(first.status == 0, "\(first.stderr)")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("catalog-") }
        #expect(snapshots.count == 1)
        let second = try runner.run(command, stdin: Self.answers)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.comparable(second.stdout) == Self.comparable(first.stdout))
        #expect(Self.comparable(first.stdout).split(separator: "\n").count == 5)
        // A snapshot cut short is rebuilt, not trusted.
        #expect(truncate(cache.appendingPathComponent(snapshots[0]).path, 100) == 0)
        let third = try runner.run(command, stdin: Self.answers)
        #expect(Self.comparable(third.stdout) == Self.comparable(first.stdout))
        #expect((try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(snapshots[0]).path)[.size] as? Int ?? 0) > 100_000)
        // XDG_CACHE_HOME moves it; a cache folder that cannot be written costs only the time.
        let elsewhere = runner.home.appendingPathComponent("elsewhere")
        _ = try runner.run(command, environment: ["XDG_CACHE_HOME": elsewhere.path], stdin: Self.answers)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("rehearse").path))
        let blocked = try runner.run(command, environment: ["XDG_CACHE_HOME": "/proc/rehearse-no-such"], stdin: Self.answers)
        #expect(blocked.status == 0 && Self.comparable(blocked.stdout) == Self.comparable(first.stdout))
    }

    @Test func pipedSessionAsksScoresReportsAndSaves() throws {
        let output = try runner.run(command, stdin: Self.answers)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.components(separatedBy: "\nQuestion ").count - 1 == 3)
        #expect(output.stdout.components(separatedBy: "\nScore ").count - 1 == 2)
        #expect(output.stdout.contains("Your results"))
        #expect(!output.stdout.contains("answer›"))
        let files = try transcriptFiles()
        #expect(files.count == 1)
        let lines = try records(try #require(files.first))
        #expect(lines.filter { $0["type"] as? String == "answer" }.count == 2)
        #expect(lines.first?["type"] as? String == "session_start")
        #expect(lines.last?["type"] as? String == "session_end")
        #expect(output.stdout.contains("Transcript: \(files[0].path)"))
    }

    @Test func rehearseAloneStartsAPracticeInterview() throws {
        let output = try runner.run(["--count", "1", "--seed", "3", "--transcripts", transcripts.path], stdin: "an answer\n")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Question 1/1"))
        #expect(output.stdout.contains("Your results"))
    }

    @Test func theSameCommandAsksTheSameQuestionsInTheSameOrder() throws {
        _ = try runner.run(command, stdin: Self.answers)
        _ = try runner.run(command, stdin: Self.answers)
        let asked = try transcriptFiles().map { file in
            try records(file).filter { $0["type"] as? String == "question" }.compactMap { $0["question_id"] as? String }
        }
        #expect(asked.count == 2)
        #expect(asked[0].count == 3)
        #expect(asked[0] == asked[1])
    }

    @Test func aPartialAnswerGetsAFollowUpRecordedAsSuch() throws {
        let output = try runner.run(
            ["practice", "--scenario", "django-deep-dive", "--count", "1", "--seed", "4", "--transcripts", transcripts.path],
            stdin: "It is about the database\nI am not sure\n")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Follow-up — "))
        let lines = try records(try #require(try transcriptFiles().first))
        let answers = lines.filter { $0["type"] as? String == "answer" }
        #expect(answers.map { $0["follow_up"] as? Bool } == [false, true])
        #expect(Set(answers.compactMap { $0["question_id"] as? String }).count == 1)
        #expect(lines.contains { $0["type"] as? String == "follow_up" })
    }

    @Test func badOptionsAreClearErrors() throws {
        let unknown = try runner.run(["practice", "--scenario", "djangoo", "--transcripts", transcripts.path], stdin: "")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown scenario \"djangoo\""))
        let empty = try runner.run(["practice", "--topic", "rails", "--transcripts", transcripts.path], stdin: "")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no question of scenario \"python-web\" matches these filters"))
        let time = try runner.run(["practice", "--time-limit", "soon"], stdin: "")
        #expect(time.status == 64)
        #expect(time.stderr.contains("--time-limit \"soon\" is not a duration"))
        for (flag, value, message) in [
            ("--time-limit", "99999999999999999999h", "from 1s to 24h"), ("--time-limit", "48h", "from 1s to 24h"),
            ("--count", "5000", "--count must be from 1 to 1000"),
        ] {
            let huge = try runner.run(["practice", flag, value], stdin: "")
            #expect(huge.status == 64 && huge.stderr.contains(message), "\(flag) \(value): \(huge.stderr)")
        }
    }

    /// Killed with SIGKILL after two answers, the transcript still holds both: each answer is
    /// on disk before the next question is printed.
    @Test func sigkillKeepsEveryAnswerGiven() throws {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = command.map { $0 == "3" ? "5" : $0 }
        process.environment = ["HOME": runner.home.path, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let collected = OutputCollector(output.fileHandleForReading)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        #expect(collected.wait(for: "Question 1/"))
        input.fileHandleForWriting.write(Data("Django uses the MVT pattern\n".utf8))
        #expect(collected.wait(for: "Question 2/"))
        input.fileHandleForWriting.write(Data("middleware sits between request and response\n".utf8))
        #expect(collected.wait(for: "Question 3/"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let file = try #require(try transcriptFiles().first)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = try records(file)
        #expect(
            lines.filter { $0["type"] as? String == "answer" }.compactMap { $0["text"] as? String } == [
                "Django uses the MVT pattern", "middleware sits between request and response",
            ])
        #expect(!lines.contains { $0["type"] as? String == "session_end" })
    }
}
