import RehearseScoring

/// How well scores agree with human grades, one row per graded file.
public struct EvalReport: JSONReport, Sendable {
    /// The agreement figures of one file.
    public struct File: Sendable {
        /// The file as named on the command line.
        public let file: String
        /// Pearson, Spearman, per-question Pearson and RMSE over the graded lines.
        public let agreement: Agreement
        /// Lines without a grade, or that could not be scored.
        public let skipped: Int

        /// Compares the scored `outcomes` of `file` with their grades. Calls `problem` with
        /// each line's error, in order, so it can be shown before the next file is read.
        /// - Throws: ``CoreError/noGrades(_:)`` when no line has both a score and a grade.
        public init(file: String, outcomes: [BatchOutcome], problem: (CoreError) -> Void) throws {
            var pairs: [GradedPrediction] = []
            var skipped = 0
            for outcome in outcomes where outcome.item?.isSample != true {
                guard let report = outcome.report, let item = outcome.item, let gold = item.gold else {
                    skipped += 1
                    if let error = outcome.error { problem(error) }
                    continue
                }
                pairs.append(GradedPrediction(questionID: item.questionKey, predicted: report.score / 100, gold: gold))
            }
            guard !pairs.isEmpty else { throw CoreError.noGrades(file) }
            self.file = file
            agreement = Agreement(pairs)
            self.skipped = skipped
        }
    }

    /// The files, in the order given.
    public let files: [File]

    /// The report of `files`.
    public init(files: [File]) {
        self.files = files
    }

    /// Whether any file had lines that were not compared.
    public var skippedAny: Bool { files.contains { $0.skipped > 0 } }

    /// A JSON array of `{file, n, pearson, spearman, q_pearson, rmse, skipped}`. A figure that
    /// is not a number (too few answers, or no variation) is `null`: JSON has no NaN.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for file in files {
            var entry = list.nestedContainer(keyedBy: Key.self)
            try entry.encode(file.file, forKey: .file)
            try entry.encode(file.agreement.n, forKey: .n)
            try entry.encode(Self.finite(file.agreement.pearson), forKey: .pearson)
            try entry.encode(Self.finite(file.agreement.spearman), forKey: .spearman)
            try entry.encode(Self.finite(file.agreement.qPearson), forKey: .qPearson)
            try entry.encode(Self.finite(file.agreement.rmse), forKey: .rmse)
            try entry.encode(file.skipped, forKey: .skipped)
        }
    }

    enum Key: String, CodingKey {
        case file, n, pearson, spearman
        case qPearson = "q_pearson"
        case rmse, skipped
    }

    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
