import ArgumentParser
import RehearseCore
import RehearseTerminal

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Score each question's sample answers and check they get the grade their author expected.",
        discussion: """
            Each `examples` entry of a bank has an answer and `expect: strong | partial | weak` or a \
            score range such as 60-80. Mismatches are printed as a table and the exit status is 1. \
            Dead concepts (no strong example shows them) and hints that score strong on their own \
            are reported as warnings. With no paths, verifies the scenarios rehearse uses.
            """
    )

    @Argument(help: ArgumentHelp("Bank files or folders.", valueName: "path"))
    var paths: [String] = []
    @Flag(help: "Fail when a question has no examples.") var requireExamples = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let report = try VerifyReport(
            source: paths.isEmpty ? context.config.scenarioSource : .paths(paths), settings: context.config.scorerSettings,
            requireExamples: requireExamples)
        print(VerifyView(report, style: context.style, width: context.width).render())
        if !report.passed { throw ExitCode.failure }
    }
}
