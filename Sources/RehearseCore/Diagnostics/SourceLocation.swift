/// A place in a scenario or bank file, 1-based like editors and compilers count.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user named it (or `Scenarios/...` for built-in files).
    public let path: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int

    /// Where a question sent by a daemon comes from: no file this process can point to.
    public static let daemon = SourceLocation(path: "(daemon)", line: 0, column: 0)

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors jump to.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
