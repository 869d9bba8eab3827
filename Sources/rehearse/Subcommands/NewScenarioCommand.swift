import ArgumentParser
import RehearseCore

struct NewScenarioCommand: ParsableCommand {
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
        try NewCommand.write(Scaffold.scenario(id: name), to: output ?? "\(name).yaml") { try OutputFile.create($0, at: $1) }
    }
}
