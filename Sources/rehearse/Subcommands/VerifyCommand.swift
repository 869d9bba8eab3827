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

            Each example is scored with the question's other examples (and any --samples) as \
            graded samples, leaving itself out, and verify shows how far they moved it. It also \
            scores each strong example against the other questions of its topic and reports the \
            share that scored weak there: how well the scorer tells the questions apart.
            """
    )

    @Argument(help: ArgumentHelp("Bank files or folders.", valueName: "path"))
    var paths: [String] = []
    @Flag(help: "Fail when a question has no examples.") var requireExamples = false
    @Option(
        help: ArgumentHelp(
            "Fail when fewer than this percentage of strong examples score weak against the other questions of their topic.",
            valueName: "percent"))
    var minDiscrimination: Double?
    @Flag(help: "List how far graded samples moved every example, not only the largest moves.") var moves = false
    @OptionGroup var samples: SamplesOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let minDiscrimination, !(0...100).contains(minDiscrimination) {
            throw ValidationError("--min-discrimination takes a percentage from 0 to 100, got \(minDiscrimination)")
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let report = try VerifyReport(
            source: paths.isEmpty ? context.config.scenarioSource : .paths(paths), settings: context.config.scorerSettings,
            requireExamples: requireExamples, minimumDiscrimination: minDiscrimination.map { $0 / 100 }, samples: try samples.book())
        print(VerifyView(report, style: context.style, width: context.width, allMoves: moves).render())
        if !report.passed { throw ExitCode.failure }
    }
}
