import RehearseScoring

/// What verifying banks found, and whether that fails the check.
public struct VerifyReport: Sendable {
    /// Every example checked, the authoring warnings and the questions without examples.
    public let result: BankVerifier.Report
    /// Questions in the banks verified.
    public let questionCount: Int
    /// Whether a question without examples fails the check.
    public let requireExamples: Bool

    /// Verifies every question loaded from `source`, scoring with `settings`.
    /// - Throws: ``CoreError/invalidScenarios(_:)`` when a file has errors (`lint` lists them).
    public init(source: ScenarioSource, settings: ScorerSettings, requireExamples: Bool) throws {
        let catalog = try CatalogLoader.load(source).validCatalog()
        result = BankVerifier(catalog: catalog, settings: settings).verify()
        questionCount = catalog.questions.count
        self.requireExamples = requireExamples
    }

    /// Questions without examples, when they count as failures.
    public var untestedFailures: [String] { requireExamples ? result.untested : [] }

    /// Whether every example met its expectation (and every question has one, when required).
    public var passed: Bool { result.failures.isEmpty && untestedFailures.isEmpty }
}
