import Foundation
import Testing

/// `rehearse history` and `rehearse replay` on folders written by real piped sessions.
@Suite final class ReplayCommandTests {
    let runner: BinaryRunner
    let folder: URL

    init() throws {
        runner = try BinaryRunner()
        folder = runner.home.appendingPathComponent("transcripts")
        for (seed, answers) in [
            ("1", "Django uses the MVT pattern\nmiddleware sits between request and response\n/skip\n"),
            ("2", "It renders templates\n/hint\nrun makemigrations then migrate\n\u{1B}[2J cleared your screen\n"),
        ] {
            let output = try runner.run(
                ["practice", "--count", "3", "--seed", seed, "--no-follow-up", "--transcripts", folder.path], stdin: answers)
            precondition(output.status == 0, output.stderr)
            // File names carry the second a session started, and newest-first is name order, so
            // two sessions in one second would sort the wrong way round. Rather than wait a
            // second, move the first session a second into the past.
            if seed == "1" { try Self.moveOnlySessionASecondEarlier(in: folder) }
        }
    }

    /// Rewrites the one transcript in `folder` as if its session had started a second earlier:
    /// the stamp in its name and every time in its lines alike, so name and contents agree.
    static func moveOnlySessionASecondEarlier(in folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }
        precondition(files.count == 1, "expected one transcript in \(folder.path), found \(files.count)")
        let file = files[0]

        // `20261125-094107-python-web.jsonl` is local wall-clock time; shifting it as written
        // spares the test from knowing the binary's time zone.
        let name = file.lastPathComponent
        let stamp = try #require(name.firstMatch(of: #/^\d{8}-\d{6}/#)).output
        let renamed = try secondEarlier(String(stamp), format: "yyyyMMdd-HHmmss") + name.dropFirst(stamp.count)

        // `"time":"2026-11-25T09:41:07.123Z"`, asked_at and answered_at alike (UTC). Only the
        // whole seconds change, so milliseconds and every duration stay exact.
        let times = #/"(time|asked_at|answered_at)":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+Z)"/#
        let original = try String(contentsOf: file, encoding: .utf8)
        // Every line has a time; one this missed would stay behind, newer than its own session.
        let lines = original.split(separator: "\n").count
        precondition(original.matches(of: times).filter { $0.1 == "time" }.count == lines, "a line's time has an unexpected form")
        let text = try original.replacing(times) { match in
            let shifted = try secondEarlier(String(match.2), format: "yyyy-MM-dd'T'HH:mm:ss")
            return "\"\(match.1)\":\"\(shifted)\(match.3)\""
        }

        // Moved, then rewritten in place, so the file keeps the 0600 mode the binary gave it.
        let moved = folder.appendingPathComponent(renamed)
        try FileManager.default.moveItem(at: file, to: moved)
        try Data(text.utf8).write(to: moved)
    }

    /// `text`, a time in `format` read as UTC, one second earlier.
    static func secondEarlier(_ text: String, format: String) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        let date = try #require(formatter.date(from: text), "\(text) is not a time in the form \(format)")
        return formatter.string(from: date.addingTimeInterval(-1))
    }

    deinit { runner.cleanUp() }

    func newest() throws -> URL {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }.max { $0.lastPathComponent < $1.lastPathComponent }!
    }

    @Test func historyListsBothSessionsNewestFirst() throws {
        let output = try runner.run(["history", "--json", "--transcripts", folder.path])
        #expect(output.status == 0)
        let sessions = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 2)
        let latest = try newest().path
        #expect(sessions.first?["path"] as? String == latest)
        #expect(sessions.allSatisfy { $0["finished"] as? Bool == true && $0["scenario"] as? String == "python-web" })
        let table = try runner.run(["history", "--transcripts", folder.path])
        #expect(table.stdout.contains("python-web"))
    }

    @Test func replayShowsEveryQuestionAndAnswerOfTheLatest() throws {
        let output = try runner.run(["replay", "latest", "--transcripts", folder.path])
        #expect(output.status == 0)
        let lines = try String(contentsOf: try newest(), encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        for record in records where record["type"] as? String == "question" {
            #expect(output.stdout.contains(record["prompt"] as! String))
        }
        #expect(output.stdout.contains("answer› It renders templates"))
        #expect(output.stdout.contains("answer› run makemigrations then migrate"))
        #expect(output.stdout.contains("Hint 1:"))
        let one = try runner.run(["replay", "1", "--question", "2", "--transcripts", folder.path])
        #expect(one.stdout.contains("Question 2/3"))
        #expect(!one.stdout.contains("Question 1/3"))
    }

    @Test func escapeSequencesInAnswersAreShownNotObeyed() throws {
        let output = try runner.run(["replay", "latest", "--transcripts", folder.path])
        #expect(!output.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(output.stdout.contains("^[[2J cleared your screen"))
    }

    @Test func brokenLinesAreSkippedWithAWarningNamingFileAndLine() throws {
        let file = try newest()
        var text = try String(contentsOf: file, encoding: .utf8)
        let count = text.split(separator: "\n").count
        text.removeLast(20)  // a session killed mid-write
        text += "\nthis is not json at all\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let asked = try #require(
            text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["type"] as? String == "question" }?["question_id"] as? String)
        let commands = [
            ["history"], ["replay", "latest"], ["replay", "--rescore"], ["replay", "--format", "html"], ["stats"],
            ["search", "middleware"], ["compare", asked], ["due"], ["history", "--json"],
        ]
        for command in commands {
            let output = try runner.run(command + ["--transcripts", folder.path])
            #expect(output.status == 0, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("\(file.path):\(count): skipped a line"), "\(command): \(output.stderr)")
            #expect(output.stderr.contains("\(file.path):\(count + 1): skipped a line"), "\(command)")
        }
    }

    @Test func replayAtTheRecordedPaceFinishes() throws {
        let output = try runner.run(["replay", "--pace", "2x", "--idle-limit", "0.05", "--transcripts", folder.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Session ended"))
    }

    @Test func aNewerSchemaIsRefusedClearly() throws {
        let file = folder.appendingPathComponent("29990101-000000-future.jsonl")
        try #"{"type":"session_start","time":"2999-01-01T00:00:00.000Z","schema":99,"scenario":"future"}"#.write(
            to: file, atomically: true, encoding: .utf8)
        let replay = try runner.run(["replay", file.path])
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("was written by a newer rehearse (transcript schema 99; this one reads up to 1)"))
        let history = try runner.run(["history", "--json", "--transcripts", folder.path])
        #expect(history.status == 0)
        #expect(history.stderr.contains("newer rehearse"))
    }

    @Test func unknownSessionsAreClearErrors() throws {
        let output = try runner.run(["replay", "9", "--transcripts", folder.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("there are only 2 sessions"))
        let empty = try runner.run(["replay", "--transcripts", runner.home.appendingPathComponent("none").path])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no transcripts in"))
    }

    @Test func rescoreComparesOldAndNewAndWarnsAboutChangedOrMissingQuestions() throws {
        let same = try runner.run(["replay", "--rescore", "--transcripts", folder.path])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("THEN"))
        #expect(same.stderr.isEmpty)

        // A copy of the shipped scenarios where one asked question changed and the others are gone.
        let records = try String(contentsOf: try newest(), encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let asked = records.filter { $0["type"] as? String == "question" }.compactMap { $0["question_id"] as? String }
        let kept = try #require(asked.first)
        let list = try runner.run(["questions", "--json"])
        let bank = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let original = try #require(bank.first { $0["id"] as? String == kept })
        let concepts = (original["concepts"] as? [[String: Any]] ?? []).map { concept in
            "      - name: \"\(concept["name"]!)\"\n        terms: [\((concept["terms"] as? [String] ?? []).map { "\"\($0)\"" }.joined(separator: ", "))]"
        }.joined(separator: "\n")
        let changed = """
            questions:
              - id: \(kept)
                topic: \(original["topic"]!)
                difficulty: \(original["difficulty"]!)
                prompt: "\(original["prompt"]!) (reworded)"
                answer: "\((original["answer"] as! String).replacingOccurrences(of: "\"", with: "'"))"
                concepts:
            \(concepts)
                hints: [One., Two.]
                follow_up: Why?
            """
        let scenarios = runner.home.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try changed.write(to: scenarios.appendingPathComponent("bank.yaml"), atomically: true, encoding: .utf8)
        let output = try runner.run(["replay", "--rescore", "--transcripts", folder.path, "--scenarios", scenarios.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("question \"\(kept)\" has changed since this session"))
        #expect(output.stderr.contains("is no longer in the bank"))
        #expect(output.stdout.contains("gone"))
    }

    @Test func searchMatchesByStem() throws {
        let output = try runner.run(["search", "migrations", "--json", "--transcripts", folder.path])
        #expect(output.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["answer"] as? String } == ["run makemigrations then migrate"])
        let none = try runner.run(["search", "kubernetes", "--transcripts", folder.path])
        #expect(none.stdout.contains("No answer uses that word."))
        let stopwords = try runner.run(["search", "the", "--transcripts", folder.path])
        #expect(stopwords.status == 64)
    }

    @Test func compareListsAttemptsAtOneQuestion() throws {
        let records = try String(contentsOf: try newest(), encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let answered = try #require(records.first { $0["type"] as? String == "answer" }?["question_id"] as? String)
        let output = try runner.run(["compare", answered, "--json", "--transcripts", folder.path])
        #expect(output.status == 0)
        let attempts = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(attempts.count >= 1)
        let table = try runner.run(["compare", answered, "--transcripts", folder.path])
        #expect(table.stdout.contains(answered))
    }

    @Test func exportsMarkdownJSONAndAStandaloneHTMLPage() throws {
        let markdown = try runner.run(["replay", "--format", "markdown", "--transcripts", folder.path])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Session of "))
        #expect(markdown.stdout.contains("> run makemigrations then migrate"))
        let json = try runner.run(["replay", "--format", "json", "--transcripts", folder.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["questions"] as? [[String: Any]])?.count == 3)

        let page = runner.home.appendingPathComponent("session.html")
        let html = try runner.run(["replay", "--format", "html", "-o", page.path, "--transcripts", folder.path])
        #expect(html.status == 0)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.hasPrefix("<!doctype html>"))
        #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("<script"))
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        // The export teaches as the report does: each question's reference answer, folded.
        #expect(text.contains("<details><summary>Reference answer</summary>"))
        #expect(markdown.stdout.contains("**Reference answer:** "))

        guard let chromium = HeadlessChromium.find(skipping: "the browser check") else { return }
        let screenshot = runner.home.appendingPathComponent("session.png")
        let png = try chromium.screenshot(page.absoluteString, size: "900,1100", to: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000)  // a blank page compresses to a few hundred bytes
        print("rendered \(page.path) in headless Chromium: \(screenshot.path), \(png.count) bytes")
    }

    @Test func statsDrawsProgressChartsAndStreak() throws {
        let output = try runner.run(["stats", "--transcripts", folder.path], environment: ["LANG": "C.UTF-8"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("2 sessions · streak 1 day"))
        #expect(output.stdout.contains("By topic") && output.stdout.contains("By difficulty"))
        #expect(output.stdout.unicodeScalars.contains { (0x2581...0x2588).contains($0.value) })
        let ascii = try runner.run(["stats", "--ascii", "--transcripts", folder.path])
        #expect(!ascii.stdout.unicodeScalars.contains { (0x2581...0x2588).contains($0.value) })
        let json = try runner.run(["stats", "--json", "--transcripts", folder.path])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(figures["sessions"] as? Int == 2)
    }

    @Test func dueAndReviewFollowTheSchedule() throws {
        // Its own folder: the suite's other sessions hold weak answers, which are due at once.
        let folder = runner.home.appendingPathComponent("schedule")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A weak answer to django.csrf three days ago: due again at once, so 3 days overdue.
        let old = Date().addingTimeInterval(-3 * 86_400)
        let stamp = ISO8601DateFormatter().string(from: old)
        let lines = [
            #"{"type":"session_start","time":"\#(stamp)","schema":1,"scenario":"python-web","seed":"1"}"#,
            #"{"type":"question","time":"\#(stamp)","question_id":"django.csrf","number":1,"prompt":"What is CSRF?","topic":"django","difficulty":"easy"}"#,
            #"{"type":"answer","time":"\#(stamp)","question_id":"django.csrf","text":"no idea","follow_up":false,"answered_at":"\#(stamp)"}"#,
            #"{"type":"score","time":"\#(stamp)","question_id":"django.csrf","score":5,"final_score":5,"band":"weak","follow_up":false}"#,
            #"{"type":"session_end","time":"\#(stamp)","reason":"completed","answered":1,"overall":5}"#,
        ]
        try lines.joined(separator: "\n").write(
            to: folder.appendingPathComponent("20000101-000000-python-web.jsonl"), atomically: true, encoding: .utf8)
        let due = try runner.run(["due", "--json", "--transcripts", folder.path])
        #expect(due.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(due.stdout.utf8)) as? [[String: Any]])
        #expect(items.first?["question_id"] as? String == "django.csrf")
        #expect(items.first?["due_now"] as? Bool == true)
        #expect(items.first?["reason"] as? String == "scored 5 — overdue 3 days")
        let table = try runner.run(["due", "--transcripts", folder.path])
        #expect(table.stdout.contains("scored 5 — overdue 3 days"))
        // One answer misses nothing twice: stats says why the weakest concepts are empty.
        let stats = try runner.run(["stats", "--transcripts", folder.path])
        #expect(stats.stdout.contains("None yet: a concept is listed once it has been missed in 2 answers"))
        #expect(items.filter { $0["due_now"] as? Bool == true }.count == 1)

        let review = try runner.run(["practice", "--review", "--no-follow-up", "--transcripts", folder.path], stdin: "cross-site request forgery\n")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Question 1/1 · Django · easy\nWhat is CSRF, and how does Django protect against it?"))
    }
}
