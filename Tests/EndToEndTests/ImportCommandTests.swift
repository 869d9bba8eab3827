import Foundation
import Testing

/// `rehearse import` on the guide our first bank came from (skipped without shared/).
@Suite final class ImportCommandTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    static let guide = BinaryRunner.packageRoot.appendingPathComponent("../shared/guides/python-web-frameworks.md").standardizedFileURL

    @Test func theWebFrameworksGuideImportsAllFiftyQuestionsAndLints() throws {
        guard FileManager.default.fileExists(atPath: Self.guide.path) else {
            print("skipped: \(Self.guide.path) not found (shared/ must sit beside the repo)")
            return
        }
        let bank = runner.home.appendingPathComponent("X.yaml")
        let output = try runner.run(["import", Self.guide.path, "-o", bank.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Imported 50 questions (flask 2, django 38, fastapi 10;"))
        #expect(output.stdout.contains("lines 7-30: not part of a question"))
        let lint = try runner.run(["lint", bank.path])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("1 file, 0 scenarios, 50 questions: 0 errors"))

        let again = try runner.run(["import", "-q", Self.guide.path])
        #expect(again.stdout == (try String(contentsOf: bank, encoding: .utf8)))
    }

    @Test func aFileWithoutQuestionsIsAClearError() throws {
        let empty = runner.home.appendingPathComponent("notes.md")
        try "# Notes\n\nNothing to ask here.\n".write(to: empty, atomically: true, encoding: .utf8)
        let output = try runner.run(["import", empty.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("found no questions in"))
    }
}
