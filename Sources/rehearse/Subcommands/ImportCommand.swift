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
    @Flag(name: .shortAndLong, help: "Print only the bank, no report.") var quiet = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let imported = try GuideImport(path: guide, text: try InputFile.read(guide), topic: topic)
        if let output { try OutputFile.write(imported.yaml, to: output) } else { FileHandle.standardOutput.write(Data(imported.yaml.utf8)) }
        guard !quiet else { return }
        let summary = ImportView(imported.report, guide: guide, output: output, style: context.style).render()
        // The report goes to standard error when the bank goes to standard output.
        if output == nil { FileHandle.standardError.write(Data((summary + "\n").utf8)) } else { print(summary) }
    }
}
