import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("rehearse serve, with the REPL and a browser as clients")
struct ServeCommandTests {
    @Test("the daemon holds a whole session for `practice --server`, and SIGTERM stops it cleanly")
    func practiceAgainstDaemon() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let daemon = try ServeProcess(runner: runner)
        let answer = "Secret-ish answer about middleware and CSRF tokens"
        let output = try runner.run(
            ["practice", "--server", daemon.url, "--seed", "4", "--count", "2", "--no-follow-up", "--no-color", "--candidate", "Dee Remote"],
            stdin: "\(answer)\n/skip\n")
        let (status, log) = daemon.stop()
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Question 1/2") && output.stdout.contains("Question 2/2"))
        #expect(output.stdout.contains("Score ") && output.stdout.contains("Your results"))
        #expect(output.stdout.contains("Transcript: "))
        #expect(status == 0, "\(log)")
        #expect(log.contains("stopped; every transcript is flushed"))
        #expect(log.contains("session started") && log.contains("hb.request.id="))
        #expect(!log.contains(answer), "answers never reach the log")
        let files = try FileManager.default.contentsOfDirectory(atPath: daemon.transcripts.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        // The name given to `practice --server` is the daemon's record of the candidate.
        let start =
            try String(contentsOfFile: daemon.transcripts.path + "/" + (files.first ?? ""), encoding: .utf8).split(separator: "\n").first ?? ""
        #expect(start.contains(#""candidate":"Dee Remote""#), "\(start)")
        let history = try runner.run(["history", "--transcripts", daemon.transcripts.path, "--no-color"])
        #expect(history.status == 0 && history.stdout.contains("python-web"), "\(history.stdout)\(history.stderr)")
    }

    @Test("bad invocations fail with a message, never a crash")
    func badInvocations() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let open = try runner.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(open.status == 1 && open.stderr.contains("refusing to listen on \"0.0.0.0\" without an auth token"))
        let timeout = try runner.run(["serve", "--idle-timeout", "soon"])
        #expect(timeout.status != 0 && timeout.stderr.contains("--idle-timeout \"soon\" is not a duration"))
        let delay = try runner.run(["serve", "--commit-delay", "2"])
        #expect(delay.status != 0 && delay.stderr.contains("--commit-delay \"2\" is not a short duration (write 2ms, 500us"), "\(delay.stderr)")
        let unreachable = try runner.run(["practice", "--server", "http://127.0.0.1:1"])
        #expect(unreachable.status == 1 && unreachable.stderr.contains("cannot reach the daemon"))
        let badURL = try runner.run(["practice", "--server", "localhost:7878"])
        #expect(badURL.status == 1 && badURL.stderr.contains("is not a daemon URL"))
        let daemon = try ServeProcess(runner: runner)
        let port = String(daemon.url.split(separator: ":").last ?? "")
        let taken = try runner.run(["serve", "--port", port])
        _ = daemon.stop()
        #expect(taken.status == 1 && taken.stderr.contains("address already in use (choose another --port"), "\(taken.stderr)")
    }

    @Test("the chat page shows the session, scores and concepts in headless Chromium")
    func chatPageInBrowser() async throws {
        guard let chromium = HeadlessChromium.find(skipping: "the browser check") else { return }
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let daemon = try ServeProcess(runner: runner)
        defer { _ = daemon.stop() }
        let (created, session) = try await daemon.call("POST", "/v1/sessions", body: #"{"seed": 9, "count": 2}"#)
        #expect(created == 201)
        let id = try #require(session["id"] as? String)
        let token = try #require(session["token"] as? String)
        let prompt = try #require(((session["session"] as? [String: Any])?["question"] as? [String: Any])?["prompt"] as? String)
        let (answered, _) = try await daemon.call(
            "POST", "/v1/sessions/\(id)/input",
            body: #"{"text": "It stores settings and runs commands with a csrf token.\n```python\nx = 1 < 2\n```"}"#,
            token: token)
        #expect(answered == 200)

        let link = "\(daemon.url)/#session=\(id)&token=\(token)"
        let dom = try chromium.run(["--dump-dom", link])
        #expect(dom.contains(prompt.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")))
        #expect(dom.contains("Score ") && dom.contains("Missed"))
        #expect(dom.contains("It stores settings and runs commands"))
        // The bank's examples are graded samples: the page says what they did to the score.
        #expect(dom.contains("Graded answers closest to yours") || dom.contains("No graded answer resembles yours"))

        // While it runs the setup folds away; the page is shot at a phone's size and a desktop's.
        #expect(dom.contains("<body class=\"running\">"), "the setup folds while an interview runs")
        #expect(dom.contains("id=\"progress\"") && dom.contains("Question 1 of 2"))
        for (name, size) in [("phone", "390,844"), ("desktop", "1280,900")] {
            let shot = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-chat-\(name).png")
            let png = try chromium.screenshot(link, size: size, to: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5_000)
            print("rendered the running chat page at \(size) in headless Chromium: \(shot.path), \(png.count) bytes")
        }

        let (ended, _) = try await daemon.call("DELETE", "/v1/sessions/\(id)", token: token)
        #expect(ended == 200)
        let closed = try chromium.run(["--dump-dom", link])
        #expect(closed.contains("Your results") && closed.contains("Overall ") && closed.contains("This interview has ended."))
        // Fenced code shows as code; each question's reference answer is there, folded.
        #expect(closed.contains("<pre><code>x = 1 &lt; 2</code></pre>"))
        #expect(closed.contains("Reference answers") && closed.contains("<details class=\"reference\"><summary>1. "))

        let fresh = try chromium.run(["--dump-dom", daemon.url + "/"])
        #expect(fresh.contains("<option value=\"python-web\""), "the page lists the scenarios")
        #expect(fresh.contains("id=\"candidate\""), "the page asks for an optional name")

        // The screenshot shows the whole interview: questions, scores, concepts and the report.
        let screenshot = runner.home.appendingPathComponent("chat.png")
        _ = try chromium.run(["--window-size=1000,2000", "--screenshot=\(screenshot.path)", link])
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-chat-page.png")
        try? FileManager.default.removeItem(at: kept)
        try? FileManager.default.copyItem(at: screenshot, to: kept)
        print("rendered the chat page in headless Chromium: \(kept.path), \(png.count) bytes")
    }
}
