import ArgumentParser
import RehearseCore

struct NewScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Write a commented scenario file to fill in.",
        discussion: """
            Writes NAME.yaml in the current folder (or -o FILE, - for standard output); never overwrites. \
            With --bank, the scenario draws from that bank (an imported one, say) and is written beside it.
            """
    )

    @Argument(help: ArgumentHelp("The scenario id: lowercase words joined by dashes.", valueName: "name"))
    var name: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it.", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Draw from this bank file's questions (and write the scenario beside it).", valueName: "file"))
    var bank: String?

    func validate() throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw ValidationError("scenario name \"\(name)\" must be lowercase words joined by dashes, e.g. \"django-orm-drill\"")
        }
    }

    func run() throws {
        let draft = try ScenarioDraft(id: name, output: output, bank: bank)
        try NewCommand.write(draft.text, to: draft.path) { try OutputFile.create($0, at: $1) }
        if let hint = draft.practiseHint { print(hint) }
    }
}
