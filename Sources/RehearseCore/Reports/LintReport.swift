/// Every problem in a set of scenario and bank files, and whether that fails the check.
public struct LintReport: Sendable {
    /// What loading found: the catalog that parsed, every diagnostic, the number of files.
    public let result: LoadResult
    /// Whether warnings fail the check too.
    public let strict: Bool

    /// Loads `source` as an author would, with every authoring warning.
    public init(source: ScenarioSource, strict: Bool) throws {
        result = try CatalogLoader.load(source, authoring: true)
        self.strict = strict
    }

    /// Errors found.
    public var errors: Int { result.diagnostics.errors.count }
    /// Warnings found.
    public var warnings: Int { result.diagnostics.warnings.count }
    /// Whether there is no error (and no warning, when strict).
    public var passed: Bool { errors == 0 && !(strict && warnings > 0) }
}
