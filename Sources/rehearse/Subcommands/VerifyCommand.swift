import ArgumentParser
import Foundation
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

    @Flag(help: "Fail when a question has no examples.")
    var requireExamples = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let source: ScenarioSource = paths.isEmpty ? context.config.scenarioSource : .paths(paths)
        let catalog = try CatalogLoader.load(source).validCatalog()
        let report = BankVerifier(catalog: catalog, settings: context.config.scorerSettings).verify()
        let style = context.style
        for warning in report.warnings {
            print("\(warning.location): \(style.yellow("warning:")) \(warning.message)")
        }
        let failures = report.failures
        if !failures.isEmpty {
            var table = TextTable(headers: ["QUESTION", "EXAMPLE", "EXPECTED", "GOT", "ANSWER"])
            for failure in failures {
                table.append([failure.questionID, "#\(failure.number)", failure.expected.text,
                              "\(DisplayFormat.score(failure.score)) \(failure.band.rawValue)",
                              failure.answer.split(whereSeparator: \.isNewline).joined(separator: " ")])
            }
            print(style.red("\(failures.count) example\(failures.count == 1 ? "" : "s") did not get the expected grade:"))
            print(table.render(style: style, width: context.width))
        }
        if requireExamples, !report.untested.isEmpty {
            print(style.red("\(report.untested.count) question\(report.untested.count == 1 ? " has" : "s have") no examples: ") + report.untested.joined(separator: ", "))
        }
        let questions = catalog.questions.count
        let summary = "\(report.checks.count) example\(report.checks.count == 1 ? "" : "s") in \(questions) question\(questions == 1 ? "" : "s"): "
            + "\(failures.count) mismatched, \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
        print(failures.isEmpty ? style.green(summary) : style.red(summary))
        if !failures.isEmpty || (requireExamples && !report.untested.isEmpty) { throw ExitCode.failure }
    }
}
