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
            numbered lists with a bold question (`1. **Question?**`), bold question paragraphs \
            (`**1. Question?**`), labelled questions (`**Q1.** ...`, `Q1: ...`, `**Question 1:** ...`), \
            and level headings (Beginner, Junior-Level, Intermediate, Senior, Advanced Questions...) \
            that set the difficulty. Prints how many questions it found per topic and difficulty, and \
            every piece it left out with its line number; exits 1 if any question would not lint. \
            docs/authoring.md walks from a guide to a verified scenario.
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
        let view = ImportView(imported.report, guide: guide, output: output, style: context.style, problems: imported.problems)
        // The report goes to standard error when the bank goes to standard output; problems always do.
        if !quiet { if output == nil { FileHandle.standardError.write(Data((view.render() + "\n").utf8)) } else { print(view.render()) } }
        guard imported.problems.isEmpty else {
            FileHandle.standardError.write(Data((view.renderProblems() + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
