import ArgumentParser
import Foundation
import RehearseCore
import RehearseTerminal

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure how well scores agree with human grades.",
        discussion: """
            Each FILE is JSON Lines in the batch format with the human grade in "score" and \
            "max_score" (as in shared/evaldata). Prints, per file, the number of graded answers, \
            pooled Pearson r, Spearman rho, the mean per-question Pearson r and the RMSE of \
            score/100 against score/max_score — the definitions of evaldata/metrics.py. Lines \
            with "sample": true are graded samples for their question, not measured.
            """
    )

    @Argument(help: ArgumentHelp("Graded JSON Lines files.", valueName: "file"))
    var files: [String]
    @Flag(help: "Print a JSON array with one object per file.") var json = false
    @OptionGroup var samples: SamplesOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let scorer = BatchScorer(settings: context.config.scorerSettings, samples: try samples.book(), catalog: { try context.catalog() })
        let report = EvalReport(
            files: try files.map { file in
                try EvalReport.File(file: file, outcomes: scorer.score(text: try InputFile.read(file))) { error in
                    FileHandle.standardError.write(Data("rehearse: \(file): \(error)\n".utf8))
                }
            })
        if json { return try context.printJSON(report) }
        print(EvalView(report, style: context.style).render())
    }
}
