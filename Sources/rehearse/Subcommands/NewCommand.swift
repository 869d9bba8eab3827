import ArgumentParser
import Foundation
import RehearseCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a scenario or a question from a commented template.",
        subcommands: [NewScenario.self, NewQuestion.self]
    )
}

struct NewScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Write a commented scenario file to fill in.",
        discussion: "Writes NAME.yaml in the current folder (or -o FILE, - for standard output); never overwrites."
    )

    @Argument(help: ArgumentHelp("The scenario id: lowercase words joined by dashes.", valueName: "name"))
    var name: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw ValidationError("scenario name \"\(name)\" must be lowercase words joined by dashes, e.g. \"django-orm-drill\"")
        }
    }

    func run() throws {
        try Scaffolding.write(Scaffold.scenario(id: name), to: output ?? "\(name).yaml", append: false)
    }
}

struct NewQuestion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question",
        abstract: "Add a commented question to a bank file (created if missing).",
        discussion: "The question is marked `draft: true` until you fill it in; `rehearse lint` warns about drafts."
    )

    @Option(help: ArgumentHelp("The bank file to add to.", valueName: "file"))
    var bank: String

    @Option(help: ArgumentHelp("The question's id (default: TOPIC.new-question).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The topic (default: the bank's file name).", valueName: "topic"))
    var topic: String?

    func run() throws {
        let topic = topic ?? ScenarioFile(path: bank, text: "").stem
        try Scaffolding.write(Scaffold.question(id: id ?? "\(topic).new-question", topic: topic), to: bank, append: true)
    }
}

/// Writes a template, appending questions to an existing bank and never overwriting a file.
enum Scaffolding {
    static func write(_ text: String, to path: String, append: Bool) throws {
        if path == "-" { return FileHandle.standardOutput.write(Data(text.utf8)) }
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && !append {
            throw CoreError.unwritable(path: path, reason: "it already exists (choose another name or -o FILE)")
        }
        var content = text
        if append {
            let current = exists ? (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" : ""
            content = current.isEmpty ? "questions:\n" + text : current + (current.hasSuffix("\n") ? "" : "\n") + "\n" + text
        }
        do {
            try content.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CoreError.unwritable(path: path, reason: "check that its folder exists and is writable")
        }
        print("Wrote \(path). Fill in the TODOs, then check it with: rehearse lint \(path)")
    }
}
