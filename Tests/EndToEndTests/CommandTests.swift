import Foundation
import Testing

/// The real binary, run as a user would, checking what it prints and how it exits.
@Suite final class CommandTests {
    let runner: BinaryRunner

    init() throws { runner = try BinaryRunner() }
    deinit { runner.cleanUp() }

    @Test func helpAndVersionEverywhere() throws {
        for command in [[], ["scenarios"], ["questions"], ["lint"], ["config"]] {
            let help = try runner.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("USAGE: rehearse"), "\(command)")
            let version = try runner.run(command + ["--version"])
            #expect(version.status == 0, "\(command)")
            #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(command)")
        }
    }

    @Test func lintOfTheShippedScenariosIsClean() throws {
        let output = try runner.run(["lint"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("0 errors, 0 warnings"))
    }

    @Test func lintReportsEveryProblemOfABrokenFolder() throws {
        let folder = "Tests/RehearseCoreTests/Fixtures/broken-banks"
        let output = try runner.run(["lint", folder])
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(folder)/a-indentation.yaml:6:4: invalid YAML: did not find expected '-' indicator (check the indentation of this line and the one above)",
                "\(folder)/b-unknown-key.yaml:4:17: unknown difficulty \"expert\" (expected easy, medium or hard)",
                "\(folder)/b-unknown-key.yaml:12:5: unknown key \"promt\" in question \"demo.two\" (did you mean \"prompt\"?)",
                "\(folder)/c-duplicate-id.yaml:2:9: duplicate question id \"demo.two\" (first used at \(folder)/b-unknown-key.yaml:2:9; ids must be unique across all banks)",
                "3 files, 0 scenarios, 1 question: 4 errors, 0 warnings",
            ])
    }

    @Test func questionsJSONUsesTheBankKeyNames() throws {
        let output = try runner.run(["questions", "--json"])
        #expect(output.status == 0)
        let questions = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(questions.count >= 58)
        let counts = Dictionary(grouping: questions, by: { $0["topic"] as? String ?? "" }).mapValues(\.count)
        #expect(counts["django", default: 0] >= 38 && counts["flask", default: 0] >= 10 && counts["fastapi", default: 0] >= 10)
        for question in questions {
            let id = question["id"] as? String ?? "?"
            #expect((question["concepts"] as? [[String: Any]])?.count ?? 0 >= 3, "\(id)")
            #expect((question["hints"] as? [String])?.count == 2, "\(id)")
            #expect(question["follow_up"] is String, "\(id)")
            for key in ["topic", "tags", "difficulty", "prompt", "answer", "source"] {
                #expect(question[key] != nil, "\(id) lacks \(key)")
            }
        }
    }

    @Test func questionsFilter() throws {
        let output = try runner.run(["questions", "--topic", "flask", "--difficulty", "hard", "--json"])
        let questions = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(!questions.isEmpty)
        #expect(questions.allSatisfy { $0["topic"] as? String == "flask" && $0["difficulty"] as? String == "hard" })

        let bad = try runner.run(["questions", "--difficulty", "expert"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("The value 'expert' is invalid for '--difficulty <level>'. Please provide one of 'easy', 'medium' or 'hard'."))
    }

    @Test func unknownScenarioSaysWhatExists() throws {
        let output = try runner.run(["questions", "--scenario", "python-wbe"])
        #expect(output.status == 1)
        #expect(output.stderr == "rehearse: unknown scenario \"python-wbe\" (did you mean \"python-web\"?); `rehearse scenarios` lists them\n")
    }

    @Test func scenariosListsTheDefaultFirstClass() throws {
        let table = try runner.run(["scenarios"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("python-web *"))
        let json = try runner.run(["scenarios", "--json"])
        let scenarios = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let ids = scenarios.compactMap { $0["id"] as? String }
        #expect(Set(["python-web", "django-deep-dive", "flask-fundamentals", "fastapi-quickfire"]).isSubset(of: ids))
        #expect(scenarios.first { $0["id"] as? String == "python-web" }?["default"] as? Bool == true)
    }

    @Test func brokenScenariosFolderFailsWithEveryError() throws {
        let output = try runner.run(["scenarios", "--scenarios", "Tests/RehearseCoreTests/Fixtures/broken-banks"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("4 errors in the scenario files"))
        let missing = try runner.run(["scenarios"], environment: ["REHEARSE_SCENARIOS": "/no/such/dir"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "rehearse: no such file or folder \"/no/such/dir\" (check the path)\n")
    }

    @Test func configShowsWhereEachValueCameFrom() throws {
        let output = try runner.run(["config", "--no-color"], environment: ["REHEARSE_BANDS_STRONG": "80"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("bands.strong") && $0.contains("80") && $0.hasSuffix("$REHEARSE_BANDS_STRONG") })
        #expect(lines.contains { $0.hasPrefix("output.color") && $0.contains("never") && $0.hasSuffix("--no-color") })
        #expect(lines.contains { $0.hasPrefix("practice.scenario") && $0.hasSuffix("config/rehearse.yaml (shipped)") })
        let bad = try runner.run(["config"], environment: ["REHEARSE_BANDS_STRONG": "high"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "rehearse: REHEARSE_BANDS_STRONG=\"high\": expected a whole number from 1 to 100\n")
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let piped = try runner.run(["scenarios"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let forced = try runner.run(["scenarios", "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}["))
        let noColor = try runner.run(["scenarios"], environment: ["NO_COLOR": "1", "REHEARSE_OUTPUT_COLOR": "auto"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func completionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let output = try runner.run(["--generate-completion-script", shell])
            #expect(output.status == 0)
            #expect(output.stdout.contains("rehearse"))
        }
    }
}

/// An installed binary carries its scenarios: copied away from the repo, it still finds them.
@Test func binaryFindsItsScenariosWithoutTheRepo() throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let copy = runner.home.appendingPathComponent("rehearse")
    try FileManager.default.copyItem(at: BinaryRunner.binary, to: copy)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["scenarios", "--json"]
    process.currentDirectoryURL = runner.home
    process.environment = ["HOME": runner.home.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let scenarios = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    #expect(scenarios?.contains { $0["id"] as? String == "python-web" } == true)
}
