import RehearseScoring

/// Tests banks like code: each question's `examples` are scored and compared with the band or
/// range their author expected. Also finds concepts no strong example shows (dead concepts)
/// and hints that score strong on their own (they give the answer away).
public struct BankVerifier {
    /// What verifying a set of banks found.
    public struct Report: Sendable {
        /// Every example, passed or not.
        public let checks: [ExampleCheck]
        /// `path:line:column: ...` authoring warnings.
        public let warnings: [Diagnostic]
        /// Questions without examples.
        public let untested: [String]

        /// The examples that did not meet their expectation.
        public var failures: [ExampleCheck] { checks.filter { !$0.passed } }
    }

    let catalog: Catalog
    let settings: ScorerSettings

    /// Creates a verifier scoring with `settings` and idf weights from `catalog`.
    public init(catalog: Catalog, settings: ScorerSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Verifies every question of the catalog.
    public func verify() -> Report {
        let scorer = Scorer(settings: settings, corpus: catalog.corpus)
        var checks: [ExampleCheck] = []
        var warnings: [Diagnostic] = []
        var untested: [String] = []
        for question in catalog.questions {
            if question.examples.isEmpty { untested.append(question.id) }
            var shown = Set<String>()
            var strongExamples = 0
            for (index, example) in question.examples.enumerated() {
                let report = scorer.score(example.answer, for: question.scoringQuestion)
                checks.append(
                    ExampleCheck(
                        questionID: question.id, location: question.location, number: index + 1, answer: example.answer,
                        expected: example.expect, score: report.score, band: report.band))
                if example.expect == .band(.strong) {
                    strongExamples += 1
                    shown.formUnion(report.matched.map(\.concept))
                }
            }
            if strongExamples > 0 {
                for concept in question.concepts where !shown.contains(concept.name) {
                    warnings.append(
                        Diagnostic(
                            .warning, at: question.location,
                            "concept \"\(concept.name)\" of question \"\(question.id)\" is dead: no strong example shows it (add a term the strong answers use, or an example that says it)"
                        ))
                }
            }
            for (index, hint) in question.hints.enumerated() where scorer.score(hint, for: question.scoringQuestion).band == .strong {
                warnings.append(
                    Diagnostic(
                        .warning, at: question.location,
                        "hint \(index + 1) of question \"\(question.id)\" scores strong on its own: it gives the answer away"))
            }
        }
        return Report(checks: checks, warnings: warnings, untested: untested)
    }
}
