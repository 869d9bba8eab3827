import RehearseScoring

/// What verifying banks found, and whether that fails the check.
public struct VerifyReport: Sendable {
    /// Every example checked, the authoring warnings and the questions without examples.
    public let result: BankVerifier.Report
    /// Questions in the banks verified.
    public let questionCount: Int
    /// Whether a question without examples fails the check.
    public let requireExamples: Bool
    /// The least share (0–1) of strong examples that must score weak against the other
    /// questions of their topic, when that fails the check.
    public let minimumDiscrimination: Double?

    /// Verifies every question loaded from `source` with `samples` added, scoring with `settings`.
    /// - Throws: ``CoreError/invalidScenarios(_:)`` when a file has errors (`lint` lists them),
    ///   and what ``Catalog/adding(_:)`` throws for samples of unknown questions.
    public init(
        source: ScenarioSource, settings: ScorerSettings, requireExamples: Bool, minimumDiscrimination: Double? = nil,
        samples: SampleBook = SampleBook()
    ) throws {
        let catalog = try CatalogLoader.load(source).validCatalog().adding(samples)
        result = BankVerifier(catalog: catalog, settings: settings).verify()
        questionCount = catalog.questions.count
        self.requireExamples = requireExamples
        self.minimumDiscrimination = minimumDiscrimination
    }

    /// Whether too few strong examples scored weak against the other questions of their topic.
    public var discriminationFailed: Bool { minimumDiscrimination.map { result.discrimination.share < $0 } ?? false }

    /// Questions without examples, when they count as failures.
    public var untestedFailures: [String] { requireExamples ? result.untested : [] }

    /// Whether every example met its expectation (and every question has one, when required).
    public var passed: Bool { result.failures.isEmpty && untestedFailures.isEmpty && !discriminationFailed }
}
