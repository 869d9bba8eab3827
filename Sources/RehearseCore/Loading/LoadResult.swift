/// What loading a set of scenario files produced: whatever could be read, and every problem.
public struct LoadResult: Sendable {
    /// The banks and scenarios that parsed.
    public var catalog: Catalog
    /// Every error and warning, across all files.
    public var diagnostics: DiagnosticLog
    /// How many files were read.
    public var fileCount: Int

    /// Creates a result.
    public init(catalog: Catalog, diagnostics: DiagnosticLog, fileCount: Int) {
        self.catalog = catalog
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    /// The catalog, or an error listing every problem when there is any.
    public func validCatalog() throws -> Catalog {
        if diagnostics.hasErrors { throw CoreError.invalidScenarios(diagnostics.sorted.filter { $0.severity == .error }) }
        return catalog
    }
}
