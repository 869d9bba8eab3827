import Foundation
import Testing

/// `rehearse new` writes templates that load, and never overwrites.
@Suite final class NewCommandTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func scenarioAndQuestionTemplatesLint() throws {
        let folder = runner.home.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("banks"), withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("orm-drill.yaml").path
        #expect(try runner.run(["new", "scenario", "orm-drill", "-o", scenario]).status == 0)
        let again = try runner.run(["new", "scenario", "orm-drill", "-o", scenario])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let bank = folder.appendingPathComponent("banks/django.yaml").path
        #expect(try runner.run(["new", "question", "--bank", bank, "--id", "django.first"]).status == 0)
        #expect(try runner.run(["new", "question", "--bank", bank, "--id", "django.second"]).status == 0)
        let lint = try runner.run(["lint", folder.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("2 files, 1 scenario, 2 questions: 0 errors"))
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.contains("# Which questions may be asked."))
        let bad = try runner.run(["new", "scenario", "Bad Name"])
        #expect(bad.status == 64)
    }
}
