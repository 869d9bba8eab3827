import ArgumentParser
import RehearseCore
import RehearseTerminal

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "How the scorer agrees with reviewers' grades, per question, worst first.",
        discussion: """
            Compares each reviewed answer's latest grade with the scorer's grade of it (as the \
            candidate was told it): n, Pearson r and the mean difference, reviewer − scorer. \
            Questions where they are furthest apart come first: their rubrics are the ones to look at.
            """
    )

    @OptionGroup var transcripts: TranscriptOptions
    @Flag(help: "Print the figures as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let report = CalibrationReport(try await context.sessions())
        if json { return try context.printJSON(report) }
        print(CalibrationView(report, style: context.style, width: context.width).render())
    }
}
