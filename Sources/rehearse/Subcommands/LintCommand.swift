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

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let source: ScenarioSource = paths.isEmpty ? context.config.scenarioSource : .paths(paths)
        let result = try CatalogLoader.load(source, authoring: true)
        let style = context.style
        for diagnostic in result.diagnostics.sorted where !(quiet && diagnostic.severity == .warning) {
            switch diagnostic.severity {
            case .error: print("\(diagnostic.location): \(style.red(diagnostic.message))")
            case .warning: print("\(diagnostic.location): \(style.yellow("warning:")) \(diagnostic.message)")
            }
        }
        let errors = result.diagnostics.errors.count
        let warnings = result.diagnostics.warnings.count
        let catalog = result.catalog
        let summary = "\(plural(result.fileCount, "file")), \(plural(catalog.scenarios.count, "scenario")), "
            + "\(plural(catalog.questions.count, "question")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        print(errors > 0 ? style.red(summary) : style.green(summary))
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
