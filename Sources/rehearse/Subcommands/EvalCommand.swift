import ArgumentParser
import Foundation
import RehearseCore
import RehearseScoring
import RehearseTerminal

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure how well scores agree with human grades.",
        discussion: """
            Each FILE is JSON Lines in the batch format with the human grade in "score" and \
            "max_score" (as in shared/evaldata). Prints, per file, the number of graded answers, \
            pooled Pearson r, Spearman rho, the mean per-question Pearson r and the RMSE of \
            score/100 against score/max_score — the definitions of evaldata/metrics.py.
            """
    )

    @Argument(help: ArgumentHelp("Graded JSON Lines files.", valueName: "file"))
    var files: [String]

    @Flag(help: "Print a JSON array with one object per file.")
    var json = false

    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        let file: String
        let agreement: Agreement
        let skipped: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(file, forKey: .file)
            try container.encode(agreement.n, forKey: .n)
            try container.encode(Self.finite(agreement.pearson), forKey: .pearson)
            try container.encode(Self.finite(agreement.spearman), forKey: .spearman)
            try container.encode(Self.finite(agreement.qPearson), forKey: .qPearson)
            try container.encode(Self.finite(agreement.rmse), forKey: .rmse)
            try container.encode(skipped, forKey: .skipped)
        }

        enum Key: String, CodingKey {
            case file, n, pearson, spearman, qPearson = "q_pearson", rmse, skipped
        }

        private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
    }

    func run() throws {
        let context = try CommandContext(global)
        let scorer = BatchScorer(settings: context.config.scorerSettings, catalog: { try context.catalog() })
        var records: [Record] = []
        for file in files {
            let outcomes = scorer.score(text: try InputFile.read(file))
            var pairs: [GradedPrediction] = []
            var skipped = 0
            for outcome in outcomes {
                guard let report = outcome.report, let item = outcome.item, let gold = item.gold else {
                    skipped += 1
                    if let error = outcome.error { FileHandle.standardError.write(Data("rehearse: \(file): \(error)\n".utf8)) }
                    continue
                }
                pairs.append(GradedPrediction(questionID: item.questionKey, predicted: report.score / 100, gold: gold))
            }
            guard !pairs.isEmpty else { throw CoreError.noGrades(file) }
            records.append(Record(file: file, agreement: Agreement(pairs), skipped: skipped))
        }
        if json { return try context.printJSON(records) }
        var table = TextTable(headers: ["FILE", "N", "PEARSON", "SPEARMAN", "Q_PEARSON", "RMSE"])
        for record in records {
            let a = record.agreement
            table.append([record.file, String(a.n), fixed(a.pearson), fixed(a.spearman), fixed(a.qPearson), fixed(a.rmse)])
        }
        print(table.render(style: context.style))
        if records.contains(where: { $0.skipped > 0 }) {
            print(context.style.dim("\nlines without a grade or that could not be scored were skipped"))
        }
    }

    private func fixed(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f", value) : "n/a"
    }
}
