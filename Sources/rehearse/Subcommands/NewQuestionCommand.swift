import ArgumentParser
import RehearseCore

struct NewQuestionCommand: ParsableCommand {
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
        try NewCommand.write(Scaffold.question(id: id ?? "\(topic).new-question", topic: topic), to: bank) {
            try OutputFile.appendQuestion($0, toBank: $1)
        }
    }
}
