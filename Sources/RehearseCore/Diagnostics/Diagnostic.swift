/// A problem found while loading or linting scenario files.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used as written.
        case error
        /// The file works, but something is probably not what the author meant.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// Where the problem is.
    public let location: SourceLocation
    /// A short, lowercase message quoting the input and saying how to fix it.
    public let message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:column: message` for errors and `path:line:column: warning: message` for warnings.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }
}
