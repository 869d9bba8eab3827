import RehearseScoring

/// How the scorer's grades agree with reviewers' grades of the same answers: n, Pearson r and
/// the mean difference (reviewer − scorer), overall and per question, the questions where they
/// disagree most first, so an author sees which rubric to look at.
public struct CalibrationReport: JSONReport, Sendable {
    /// The figures of one group of answers.
    public struct Figures: Sendable, Equatable, Encodable {
        /// A question id, or `all`.
        public var name: String
        public var n: Int
        /// Pearson r; `nil` when fewer than two answers or either side does not vary.
        public var pearson: Double?
        /// Mean of reviewer − scorer, in points: positive when reviewers grade higher.
        public var meanDifference: Double
        /// Mean of |reviewer − scorer|: how far apart they are, whichever way.
        public var meanAbsoluteDifference: Double

        enum CodingKeys: String, CodingKey {
            case name, n, pearson
            case meanDifference = "mean_difference"
            case meanAbsoluteDifference = "mean_absolute_difference"
        }

        init(name: String, pairs: [(scorer: Double, reviewer: Double)]) {
            self.name = name
            n = pairs.count
            let r = Agreement.pearson(pairs.map(\.scorer), pairs.map(\.reviewer))
            pearson = r.isNaN ? nil : r
            let differences = pairs.map { $0.reviewer - $0.scorer }
            meanDifference = differences.isEmpty ? 0 : differences.reduce(0, +) / Double(differences.count)
            meanAbsoluteDifference = differences.isEmpty ? 0 : differences.map(abs).reduce(0, +) / Double(differences.count)
        }
    }

    /// Every reviewed answer together.
    public let overall: Figures
    /// Each question with a reviewed answer, largest mean absolute difference first.
    public let questions: [Figures]
    /// Sessions read.
    public let sessions: Int

    /// The report over `logs`: each answer's latest review against the scorer's grade of it as
    /// recorded (what the candidate was told).
    public init(_ logs: [SessionLog]) {
        var pairs: [(question: String, scorer: Double, reviewer: Double)] = []
        for log in logs {
            for question in log.questions {
                for attempt in [1, 2] {
                    guard let review = question.latestReview(of: attempt),
                        let scorer = review.scorerScore ?? question.scorerScore(at: attempt)
                    else { continue }
                    pairs.append((question.id, scorer, review.score))
                }
            }
        }
        sessions = logs.count
        overall = Figures(name: "all", pairs: pairs.map { ($0.scorer, $0.reviewer) })
        questions = Dictionary(grouping: pairs, by: \.question)
            .map { Figures(name: $0.key, pairs: $0.value.map { ($0.scorer, $0.reviewer) }) }
            .sorted { ($1.meanAbsoluteDifference, $0.name) < ($0.meanAbsoluteDifference, $1.name) }
    }

    enum CodingKeys: String, CodingKey {
        case overall, questions, sessions
    }
}
