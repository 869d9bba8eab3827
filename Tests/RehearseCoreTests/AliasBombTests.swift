import Foundation
import Testing

@testable import RehearseCore

/// YAML whose cost is out of all proportion to its size is refused before Yams builds a tree.
/// Each test asserts the limit's own error: proof the file was measured and stopped early,
/// where expanding it would take minutes or all the memory there is.
@Suite struct AliasBombTests {
    func errors(_ text: String, path: String = "b.yaml") -> [String] {
        CatalogLoader.load(files: [ScenarioFile(path: path, text: text)]).diagnostics.errors.map(\.description)
    }

    /// The attack from the issue, in about 300 bytes: lists of nine aliases of the list above,
    /// nine levels, and the last used as a mapping key, which Yams would hash in full (9^9
    /// values: 37 s of CPU before this check).
    static let issueBomb: String = {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
        for (above, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(above)", count: 9).joined(separator: ",") + "]")
        }
        lines.append("questions: {*i: x}")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func theIssuesBombIsRefusedAtTheAliasThatCopiesTooMuch() {
        #expect(Self.issueBomb.utf8.count < 359)
        #expect(
            errors(Self.issueBomb) == [
                "b.yaml:5:8: YAML aliases copy too much: with \"*d\" they copy 15670 values (at most 10000 per file; write the text out instead of nesting anchors and aliases)"
            ])
    }

    @Test func anAliasOfAListAsAKeyIsRefused() {
        let text = "terms: &terms [csrf, token]\nquestions:\n  - {*terms: 1}\n"
        #expect(
            errors(text) == [
                "b.yaml:3:6: a mapping key must be text, got alias \"*terms\" of a list (write keys as plain words such as \"prompt\")"
            ])
    }

    /// Lists as keys, nested: Yams hashes each key whole, once per level, without any alias.
    @Test func listsAndMappingsAsKeysAreRefused() {
        let text = "questions: {? {? [" + Array(repeating: "a", count: 1000).joined(separator: ", ") + "]: 1}: 1}\n"
        #expect(
            errors(text) == [
                "b.yaml:1:15: a mapping key must be text, got a mapping (write keys as plain words such as \"prompt\")"
            ])
    }

    @Test func aliasCountIsBounded() {
        let text = "lol: &lol x\nquestions: [" + Array(repeating: "*lol", count: 1001).joined(separator: ", ") + "]\n"
        #expect(
            errors(text) == [
                "b.yaml:2:6013: too many YAML aliases: \"*lol\" makes 1001 in this file (at most 1000; write the text out instead of using anchors and aliases)"
            ])
    }

    @Test func aliasDepthIsBounded() {
        var lines = ["a0: &a0 lol"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [*a\(level - 1)]") }
        #expect(
            errors(lines.joined(separator: "\n") + "\n") == [
                "b.yaml:10:10: YAML alias \"*a8\" nests aliases 9 deep (at most 8; write the text out instead of nesting anchors and aliases)"
            ])
    }

    @Test func tooManyValuesWithoutAliases() {
        let text = "questions: [" + Array(repeating: "a", count: 100_001).joined(separator: ",") + "]\n"
        #expect(
            errors(text) == [
                "b.yaml:1:200007: the file has more than 100000 values (at most 100000; split a big bank into several files)"
            ])
    }

    @Test func deepNestingIsRefusedByTheParser() {
        let text = "questions: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n"
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("invalid YAML: lists and mappings nested more than 1000 levels deep (at most 1000)") == true)
    }

    @Test func aFileOverOneMegabyteIsRefused() {
        let text = "questions:\n" + String(repeating: "# padding\n", count: 110_000)
        #expect(
            errors(text) == [
                "b.yaml:1:1: the file is larger than 1 MB, the most a bank, scenario or config file may be (split a big bank into several files)"
            ])
    }

    @Test func aHugeFileOnDiskIsReadOnlyUpToTheLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml").path
        try Data(repeating: UInt8(ascii: "#"), count: 3 << 20).write(to: URL(fileURLWithPath: path))
        let files = try ScenarioSource.paths([path]).files()
        #expect(files.first?.text.utf8.count == YAMLLimits.maxBytes + 1)
        #expect(
            CatalogLoader.load(files: files).diagnostics.errors.map(\.description) == [
                "\(path):1:1: the file is larger than 1 MB, the most a bank, scenario or config file may be (split a big bank into several files)"
            ])
    }

    @Test func aConfigFileGetsTheSameLimits() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-config-\(UUID().uuidString).yaml").path
        try "base: &b {count: 5}\npractice:\n  {*b: 1}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: CoreError.invalidConfig([
                "\(path):3:4: a mapping key must be text, got alias \"*b\" of a mapping (write keys as plain words such as \"prompt\")"
            ])
        ) {
            try ConfigLoader(environment: ["HOME": "/home/ada"], shipped: nil, userFilePath: path).load()
        }
    }

    @Test func harmlessAnchorsStillLoad() throws {
        let text = """
            defaults: &terms [testing, tests]
            questions:
              - &first
                id: demo.one
                topic: demo
                difficulty: easy
                prompt: What is demo.one?
                answer: It is the thing called demo.one, used for testing.
                concepts:
                  - {name: testing, terms: *terms, weight: 2}
                hints: &hints [Think of tests., It is used for testing.]
                follow_up: &why Why test?
              - id: demo.two
                topic: demo
                difficulty: easy
                prompt: Why would anyone write demo.two?
                answer: To have a second thing used for testing.
                concepts:
                  - {name: testing, terms: *terms}
                hints: *hints
                follow_up: *why
            """
        // `defaults` is no bank key; everything else reads through the aliases.
        #expect(errors(text) == ["b.yaml:1:1: unknown key \"defaults\" in bank (expected one of: questions, description)"])
        let valid = text.replacingOccurrences(of: "defaults: &terms [testing, tests]\nquestions:", with: "questions:")
            .replacingOccurrences(of: "  - &first\n    id: demo.one", with: "  - id: demo.one")
            .replacingOccurrences(of: "terms: *terms, weight: 2}", with: "terms: &terms [testing, tests], weight: 2}")
        let result = CatalogLoader.load(files: [ScenarioFile(path: "b.yaml", text: valid)])
        let catalog = try result.validCatalog()
        #expect(catalog.questions.map(\.id) == ["demo.one", "demo.two"])
        #expect(catalog.questions[1].concepts.first?.terms == ["testing", "tests"])
        #expect(catalog.questions[1].hints == ["Think of tests.", "It is used for testing."])
        #expect(catalog.questions[1].followUp == "Why test?")
    }
}
