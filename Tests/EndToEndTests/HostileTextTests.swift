import Foundation
import Testing

/// Text in a bank can hold escape sequences, clipboard writes and bidi overrides; none of it may
/// reach the terminal as control codes, from any command.
@Suite struct HostileTextTests {
    let runner: BinaryRunner
    let folder: String

    static let hostile = #"\e[2J\e]52;c;cm0gLXJmIH4=\a\u202Eevil\u200B"#

    init() throws {
        runner = try BinaryRunner()
        folder = runner.home.path + "/hostile"
        try FileManager.default.createDirectory(atPath: folder + "/banks", withIntermediateDirectories: true)
        let h = Self.hostile
        try """
        id: hostile
        title: "Hostile \(h) title"
        description: "Escapes everywhere"
        interviewer:
          name: "Eve \(h)"
          greeting: "Hello \(h)"
          closing: "Bye \(h)"
        draw:
          topics: [demo]
        count: 1
        start_difficulty: easy
        adaptive: false
        """.write(toFile: folder + "/hostile.yaml", atomically: true, encoding: .utf8)
        try """
        questions:
          - id: demo.escape
            topic: demo
            difficulty: easy
            prompt: "What does caching do? \(h)"
            answer: "Caching stores expensive results so they are not computed again. \(h)"
            concepts:
              - name: "stores results \(h)"
                terms: [stores results, caching]
            hints: ["Think about memory \(h)", "Think about time \(h)"]
            follow_up: "Where would you cache? \(h)"
        """.write(toFile: folder + "/banks/demo.yaml", atomically: true, encoding: .utf8)
    }

    /// No ESC, BEL, C1 or bidi override in `text`, and the escape shown instead.
    func expectShownNotObeyed(_ text: String, _ command: String) {
        let raw = text.unicodeScalars.filter { [0x1B, 0x07, 0x9B, 0x202E, 0x200B].contains($0.value) }
        #expect(raw.isEmpty, "\(command) printed raw control characters")
        #expect(text.contains("^[[2J") || text.contains("^[]52"), "\(command) did not show the escape")
    }

    @Test func everyCommandShowsBankTextInsteadOfObeyingIt() throws {
        defer { runner.cleanUp() }
        let practice = try runner.run(
            ["practice", "--scenarios", folder, "--scenario", "hostile", "--no-follow-up", "--transcripts", runner.home.path + "/t"],
            stdin: "/hint\ncaching stores results\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        expectShownNotObeyed(practice.stdout, "practice")
        #expect(practice.stdout.contains("\\u{202e}"))
        for arguments in [["questions"], ["scenarios"], ["score", "--question", "demo.escape", "it stores results"], ["replay"], ["history"]] {
            let output = try runner.run(
                arguments + ["--scenarios", folder]
                    + (["replay", "history"].contains(arguments[0]) ? ["--transcripts", runner.home.path + "/t"] : []))
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            let raw = (output.stdout + output.stderr).unicodeScalars.filter { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }
            #expect(raw.isEmpty, "\(arguments) printed raw control characters")
        }
        let json = try runner.run(["replay", "--format", "json", "--transcripts", runner.home.path + "/t"])
        #expect(!json.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }
}

extension HostileTextTests {
    @Test func lintWarnsAboutHiddenCharacters() throws {
        defer { runner.cleanUp() }
        let output = try runner.run(["lint", folder])
        #expect(output.stdout.contains("holds a control or invisible character (U+001B)"))
        #expect(output.stdout.contains("(U+202E)") || output.stdout.contains("(U+001B)"))
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B })
        let strict = try runner.run(["lint", "--strict", folder])
        #expect(strict.status == 1)
    }
}
