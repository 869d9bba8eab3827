import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a Markdown interview guide into a bank of draft questions.",
        discussion: """
            Understands `## Topic` sections with `### N. Question` headings and `**Ans:**` answers, \
            numbered lists with a bold question (`1. **Question?**`) and an indented answer, bold \
            question paragraphs (`**1. Question?**`), and level headings (Beginner, Intermediate, \
            Advanced) that set the difficulty. Prints how many questions it found per topic and \
            difficulty, and every piece it left out with its line number. docs/authoring.md walks \
            from a guide to a verified scenario.
            """
    )

    @Argument(help: ArgumentHelp("The Markdown guide.", valueName: "guide"))
    var guide: String

    @Option(help: ArgumentHelp("Give every question this topic instead of the section headings'.", valueName: "topic"))
    var topic: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the bank here (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Print only the bank, no report.")
    var quiet = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let text = try InputFile.read(guide)
        let stem = ScenarioFile(path: guide, text: "").stem.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        var report = GuideImporter(topic: topic, fallbackTopic: stem.isEmpty ? "general" : stem).parse(text)
        guard !report.questions.isEmpty else {
            throw CoreError.transcript("found no questions in \"\(guide)\" (docs/authoring.md lists the guide styles rehearse reads)")
        }
        ConceptSuggester.suggest(&report.questions)
        let yaml = try BankWriter.yaml(report.questions, guide: (guide as NSString).lastPathComponent)
        if let output {
            do {
                try yaml.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CoreError.unwritable(path: output, reason: "check that its folder exists and is writable")
            }
        } else {
            FileHandle.standardOutput.write(Data(yaml.utf8))
        }
        guard !quiet else { return }
        // The report goes to standard error when the bank goes to standard output.
        let say: (String) -> Void = output == nil
            ? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : { print($0) }
        let topics = report.perTopic.map { "\($0.topic) \($0.count)" }.joined(separator: ", ")
        let levels = report.perDifficulty.map { "\($0.difficulty.rawValue) \($0.count)" }.joined(separator: ", ")
        say(context.style.bold("Imported \(report.questions.count) questions") + " (\(topics); \(levels))" + (output.map { " into \($0)" } ?? "") + ".")
        for piece in report.skipped { say("  \(guide): \(piece)") }
        say("Every question is a draft: review it, then run `rehearse lint` and `rehearse verify`.")
    }
}
