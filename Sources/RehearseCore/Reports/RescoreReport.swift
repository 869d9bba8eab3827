import RehearseScoring

/// A past session's answers graded again with today's bank and scorer: old score against new.
public struct RescoreReport: Sendable {
    /// The session.
    public let log: SessionLog
    /// Its answered questions, graded again; only question `only` when one was named.
    public let questions: [RescoredQuestion]

    /// Grades `log` again; `only` keeps one question (1-based, as the session numbered it).
    public init(log: SessionLog, catalog: Catalog, settings: ScorerSettings, hintPenalty: Int, only: Int? = nil) {
        self.log = log
        questions = Rescorer(catalog: catalog, settings: settings, hintPenalty: hintPenalty)
            .rescore(log).filter { only == nil || $0.number == only }
    }

    /// Why some new scores may not compare: questions changed or gone since the session.
    public var warnings: [String] { questions.compactMap(\.warning) }
}
