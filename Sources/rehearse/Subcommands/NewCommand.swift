import ArgumentParser
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a scenario or a question from a commented template.",
        subcommands: [NewScenarioCommand.self, NewQuestionCommand.self]
    )

    /// Writes a template to `path` with `save`, or to standard output for `-`, then says what
    /// to do next.
    static func write(_ text: String, to path: String, _ save: (String, String) throws -> Void) throws {
        if path == "-" { return FileHandle.standardOutput.write(Data(text.utf8)) }
        try save(text, path)
        print("Wrote \(path). Fill in the TODOs, then check it with: rehearse lint \(path)")
    }
}
