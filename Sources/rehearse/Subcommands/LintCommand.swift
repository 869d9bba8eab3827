import ArgumentParser
import RehearseCore
import RehearseTerminal

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenario and bank files and report every problem.",
        discussion: """
            Prints each problem as path:line:column: message. Exits 1 if there is any error \
            (or any warning, with --strict). With no paths, checks the scenarios rehearse would use \
            (the built-in ones, or --scenarios / $REHEARSE_SCENARIOS).
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "path"))
    var paths: [String] = []
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Flag(name: .shortAndLong, help: "Print errors only.") var quiet = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let report = try LintReport(source: paths.isEmpty ? context.config.scenarioSource : .paths(paths), strict: strict)
        print(LintView(report, style: context.style, quiet: quiet).render())
        if !report.passed { throw ExitCode.failure }
    }
}
