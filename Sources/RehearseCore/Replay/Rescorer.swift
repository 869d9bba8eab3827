import RehearseScoring

/// Grades a past session's answers again with today's bank and scorer.
public struct Rescorer {
    let catalog: Catalog
    let settings: ScorerSettings
    let hintPenalty: Int

    /// Creates a rescorer.
    public init(catalog: Catalog, settings: ScorerSettings, hintPenalty: Int) {
        self.catalog = catalog
        self.settings = settings
        self.hintPenalty = hintPenalty
    }

    /// Every answered question of `log`, old score against new.
    public func rescore(_ log: SessionLog) -> [RescoredQuestion] {
        let scorer = Scorer(settings: settings, corpus: catalog.corpus)
        return log.questions.compactMap { replayed in
            guard let answer = replayed.answer else { return nil }
            let oldMatched = Set(((replayed.followUpScore ?? replayed.score)?.matched ?? []).map(\.concept))
            guard let question = catalog.question(id: replayed.id) else {
                return RescoredQuestion(
                    number: replayed.number, id: replayed.id, old: replayed.finalScore, new: nil, gained: [], lost: [],
                    warning: "question \"\(replayed.id)\" is no longer in the bank; its old score stands")
            }
            let changed = replayed.questionHash.map { $0 != ContentHash.of(question) } ?? false
            var report = scorer.score(answer.text, for: question.scoringQuestion)
            if let followUp = replayed.followUpAnswer, let asked = InterviewSession.followUp(for: question, missed: report.missed) {
                report = scorer.score(followUp: followUp.text, asked: asked.concept, after: report, for: question.scoringQuestion)
            }
            let cap = replayed.hints.isEmpty ? 100 : Double(max(0, 100 - hintPenalty * replayed.hints.count))
            let newMatched = Set(report.matched.map(\.concept))
            return RescoredQuestion(
                number: replayed.number, id: replayed.id, old: replayed.finalScore, new: min(report.score, cap),
                gained: report.matched.map(\.concept).filter { !oldMatched.contains($0) },
                lost: oldMatched.subtracting(newMatched).sorted(),
                warning: changed ? "question \"\(replayed.id)\" has changed since this session; scored against today's version" : nil)
        }
    }
}
