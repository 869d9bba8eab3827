/// Collects every diagnostic of a load, so authors see all problems at once, not only the first.
public struct DiagnosticLog: Sendable {
    /// Everything reported so far, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty log.
    public init() {}

    /// Records an error.
    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.error, at: location, message))
    }

    /// Records a warning.
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(.warning, at: location, message))
    }

    /// Appends another log's diagnostics.
    public mutating func append(contentsOf other: DiagnosticLog) {
        all.append(contentsOf: other.all)
    }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    /// Whether any error was found.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics sorted by file, line and column, which is how authors fix them.
    public var sorted: [Diagnostic] {
        all.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
