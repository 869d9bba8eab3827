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
        /// How often strong examples score weak against the other questions of their topic.
        public let discrimination: Discrimination

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
            let samples = question.exampleSamples
            for (index, example) in question.examples.enumerated() {
                // Leave one out: scored with the question's other examples as its samples, as an
                // answer like it would be, so the examples keep checking the blend too.
                var scored = question.scoringQuestion
                scored.samples = Array(samples[..<index] + samples[(index + 1)...]) + question.samples
                let report = scorer.score(example.answer, for: scored)
                checks.append(
                    ExampleCheck(
                        questionID: question.id, location: question.location, number: index + 1, answer: example.answer,
                        expected: example.expect, score: report.score, band: report.band, conceptScore: report.conceptScore))
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
            // Against the rubric alone: a hint that gives the answer away does so whatever the samples.
            var rubric = question.scoringQuestion
            rubric.samples = []
            for (index, hint) in question.hints.enumerated() where scorer.score(hint, for: rubric).band == .strong {
                warnings.append(
                    Diagnostic(
                        .warning, at: question.location,
                        "hint \(index + 1) of question \"\(question.id)\" scores strong on its own: it gives the answer away"))
            }
        }
        return Report(checks: checks, warnings: warnings, untested: untested, discrimination: Discrimination(catalog: catalog, scorer: scorer))
    }
}
