import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The reviewer's side through the real binary: `serve --review-token`, grades over HTTP, then
/// what `history`, `replay`, `samples export` and `calibrate` make of them, and the /review
/// page in headless Chromium.
@Suite("Reviewers, end to end")
struct ReviewCommandTests {
    static let token = "reviewer-token-0123456789abcdef"

    /// A daemon with the review token and one session of a named candidate, answered and
    /// graded; returns the session id and the first question's id.
    static func reviewedSession(_ daemon: ServeProcess, candidate: String, note: String) async throws -> (id: String, question: String) {
        let name = String(decoding: try JSONEncoder().encode(candidate), as: UTF8.self)
        let (created, session) = try await daemon.call(
            "POST", "/v1/sessions", body: #"{"seed": 7, "count": 2, "follow_up": false, "candidate": \#(name)}"#)
        #expect(created == 201)
        let id = try #require(session["id"] as? String)
        let token = try #require(session["token"] as? String)
        let question = try #require(((session["session"] as? [String: Any])?["question"] as? [String: Any])?["id"] as? String)
        for text in ["Middleware checks the csrf token on every POST form.", "The ORM maps models to tables."] {
            #expect(try await daemon.call("POST", "/v1/sessions/\(id)/input", body: #"{"text": "\#(text)"}"#, token: token).0 == 200)
        }
        let grade = String(decoding: try JSONEncoder().encode(["question_id": question, "note": note, "reviewer": "Cy"]), as: UTF8.self)
        let body = grade.dropLast() + #", "score": 85}"#
        let (status, _) = try await daemon.call("POST", "/v1/review/sessions/\(id)/grades", body: String(body), token: Self.token)
        #expect(status == 201)
        return (id, question)
    }

    @Test("grades show in history, replay and its exports, samples export and calibrate")
    func commands() async throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let daemon = try ServeProcess(runner: runner, arguments: ["--review-token", Self.token])
        defer { _ = daemon.stop() }
        let (id, question) = try await Self.reviewedSession(daemon, candidate: "Ana Lima", note: "Good enough")
        _ = daemon.stop()
        let folder = daemon.transcripts.path
        // The daemon refuses control characters in names; an edited transcript may still hold one.
        let path = folder + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".jsonl") }))
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #""candidate":"Ana Lima""#, with: #""candidate":"Ana \u001b[31mLima""#)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)

        let history = try runner.run(["history", "--transcripts", folder, "--no-color"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("CANDIDATE") && history.stdout.contains("REVIEWED") && history.stdout.contains("✓1"), "\(history.stdout)")
        #expect(!history.stdout.contains("\u{1B}"), "a name's escape is shown as text, not sent to the terminal")
        let other = try runner.run(["history", "--transcripts", folder, "--candidate", "bo"])
        #expect(other.status == 0 && other.stdout.contains("No sessions of a candidate named like \"bo\""))
        let json = try runner.run(["history", "--transcripts", folder, "--json", "--candidate", "ANA"])
        let entry = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(entry["reviewed"] as? Int == 1 && (entry["candidate"] as? String)?.hasPrefix("Ana") == true)

        let replay = try runner.run(["replay", "latest", "--transcripts", folder, "--no-color", "--pace", "instant"])
        #expect(replay.status == 0 && replay.stdout.contains("Reviewed (Cy): 85"), "\(replay.stdout)\(replay.stderr)")
        #expect(!replay.stdout.contains("\u{1B}"))
        let markdown = try runner.run(["replay", "latest", "--transcripts", folder, "--format", "markdown"])
        #expect(markdown.stdout.contains("**Reviewed (Cy): 85/100"))
        let html = try runner.run(["replay", "latest", "--transcripts", folder, "--format", "html"])
        #expect(html.stdout.contains("<p class=\"review\">Reviewed (Cy): 85/100"))

        let samples = try runner.run(["samples", "export", "--transcripts", folder])
        #expect(samples.status == 0)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(samples.stdout.utf8)) as? [String: Any])
        #expect(line["question_id"] as? String == question && line["score"] as? Double == 85)
        #expect((line["source"] as? String)?.hasPrefix("review \(id.prefix(8))") == true)
        let file = runner.home.appendingPathComponent("reviewed.jsonl").path
        #expect(try runner.run(["samples", "export", "--transcripts", folder, "-o", file]).status == 0)
        let scored = try runner.run([
            "score", "--question", question, "--samples", file, "--json", "Middleware checks the csrf token on every POST form.",
        ])
        #expect(scored.status == 0, "the export is a samples file: \(scored.stderr)")

        let calibrate = try runner.run(["calibrate", "--transcripts", folder, "--no-color"])
        #expect(calibrate.status == 0 && calibrate.stdout.contains("PEARSON") && calibrate.stdout.contains(question), "\(calibrate.stdout)")
        let figures = try runner.run(["calibrate", "--transcripts", folder, "--json"])
        let overall = try #require(
            (try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])?["overall"] as? [String: Any])
        #expect(overall["n"] as? Int == 1)
        let empty = try runner.run(["calibrate", "--transcripts", runner.home.appendingPathComponent("none").path])
        #expect(empty.status == 0 && empty.stdout.contains("No reviewed answers"))
    }

    @Test("practice --candidate records the name; a bad name is refused before the interview")
    func practiceCandidate() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let folder = runner.home.appendingPathComponent("local").path
        let run = try runner.run(
            ["practice", "--candidate", " Dee ", "--count", "1", "--transcripts", folder, "--no-follow-up"], stdin: "An answer.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        let start = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").first ?? ""
        #expect(start.contains(#""candidate":"Dee""#))
        let bad = try runner.run(["practice", "--candidate", "Dee\u{202E}", "--transcripts", folder], stdin: "")
        #expect(bad.status != 0 && bad.stderr.contains("--candidate holds the control or format character U+202E"), "\(bad.stderr)")
        let config = try runner.run(
            ["practice", "--transcripts", folder], environment: ["REHEARSE_CANDIDATE": String(repeating: "x", count: 90)], stdin: "")
        #expect(config.status != 0 && config.stderr.contains("the config key candidate must be 1 to 80 characters"), "\(config.stderr)")
    }

    @Test("the review page shows sessions, a session with its evidence and grades, in headless Chromium")
    func pageInBrowser() async throws {
        guard let chromium = HeadlessChromium.find(skipping: "the review page check") else { return }
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let daemon = try ServeProcess(runner: runner, arguments: ["--review-token", Self.token])
        defer { _ = daemon.stop() }
        let (id, question) = try await Self.reviewedSession(daemon, candidate: "Ana <script>alert(1)</script>", note: "<b>not bold</b>")

        let link = "\(daemon.url)/review#token=\(Self.token)&session=\(id)"
        let dom = try chromium.run(["--dump-dom", link])
        #expect(dom.contains("<tr data-id=\"\(id)\""), "the sessions table lists the session")
        #expect(dom.contains("Ana &lt;script&gt;alert(1)&lt;/script&gt;"), "the name is text")
        #expect(!dom.contains("<script>alert(1)"))
        #expect(dom.contains("data-question=\"\(question)\" data-attempt=\"1\""), "the session is open as a dialogue")
        #expect(dom.contains("&lt;b&gt;not bold&lt;/b&gt;") && dom.contains("Reviewed score"))
        #expect(dom.contains("class=\"grade\""), "each answer has its override form")
        #expect(!dom.contains(Self.token), "the token leaves the address bar and the page")
        let locked = try chromium.run(["--dump-dom", "\(daemon.url)/review"])
        #expect(locked.contains("id=\"token-form\""))

        for (name, size) in [("phone", "390,844"), ("desktop", "1280,900")] {
            let shot = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-review-\(name).png")
            let png = try chromium.screenshot(link, size: size, to: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5_000)
            print("rendered the review page at \(size) in headless Chromium: \(shot.path), \(png.count) bytes")
        }
    }
}
