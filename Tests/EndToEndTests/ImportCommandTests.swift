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

extension ImportCommandTests {
    /// The styles people write, end to end: exact counts in the summary, exit 0 only when the bank lints.
    @Test func guideStylesImportWithTheirCounts() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/guides")
        let labels = try runner.run(["import", fixtures.appendingPathComponent("q-labels.md").path, "-o", runner.home.path + "/q.yaml"])
        #expect(labels.status == 0, "\(labels.stderr)")
        #expect(labels.stdout.contains("Imported 5 questions (databases 3, testing 2; easy"))
        let levels = try runner.run(["import", fixtures.appendingPathComponent("level-words.md").path, "-o", runner.home.path + "/l.yaml"])
        #expect(levels.stdout.contains("Imported 7 questions (python 7; easy 3, medium 1, hard 3)"))
        #expect(try runner.run(["lint", runner.home.path + "/q.yaml", runner.home.path + "/l.yaml"]).status == 0)
    }
}

extension ImportCommandTests {
    /// From a guide to a practice session: import, a scenario for the bank, practice it, and the
    /// built-in scenarios kept beside it with --with-builtin.
    @Test func anImportedBankIsPractisedThroughItsScenario() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanUp() }
        let folder = runner.home.path + "/mine"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let guide = BinaryRunner.packageRoot.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/guides/q-labels.md").path
        #expect(try runner.run(["import", guide, "-o", folder + "/guide.yaml", "-q"]).status == 0)
        let scenario = try runner.run(["new", "scenario", "my-drill", "--bank", folder + "/guide.yaml"])
        #expect(scenario.status == 0 && scenario.stdout.contains("rehearse practice --scenarios \(folder) --scenario my-drill"))
        let practice = try runner.run(
            ["practice", "--scenarios", folder, "--scenario", "my-drill", "--count", "1", "--transcripts", runner.home.path + "/t"],
            stdin: "an index is a b-tree\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        let alone = try runner.run(["scenarios", "--scenarios", folder, "--json"]).stdout
        let both = try runner.run(["scenarios", "--scenarios", folder, "--with-builtin", "--json"]).stdout
        #expect(alone.contains("my-drill") && !alone.contains("python-web"))
        #expect(both.contains("my-drill") && both.contains("python-web"))
    }
}
