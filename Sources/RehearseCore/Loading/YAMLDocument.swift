import Yams

/// One YAML file being read, with the diagnostics found in it so far.
///
/// A class because every reader of the file's nodes appends to the same log.
final class YAMLDocument {
    /// The path used in messages.
    let path: String
    /// The problems found.
    var log = DiagnosticLog()
    /// Every question id seen, even on questions that failed to parse, so duplicates are still found.
    var questionIDs: [(id: String, location: SourceLocation)] = []

    init(path: String) {
        self.path = path
    }

    /// Parses `text`; a syntax error, or a file past ``YAMLLimits`` (too large, or aliases that
    /// would expand without bound), is logged with its position and yields `nil`. `measured:
    /// false` skips the limits, for the files built into the binary.
    func parse(_ text: String, measured: Bool = true) -> Node? {
        if measured, let violation = YAMLLimits.check(text) {
            log.error(SourceLocation(path: path, line: violation.line, column: violation.column), violation.message)
            return nil
        }
        do {
            // Plain scalars stay text: the readers parse numbers and flags themselves, and resolving
            // every scalar's type with regular expressions (for keys' duplicate check too) was a
            // third of loading the built-in banks.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            logSyntaxError(error)
        } catch {
            log.error(SourceLocation(path: path, line: 1, column: 1), "invalid YAML: \(error)")
        }
        return nil
    }

    /// Where `node` starts in the file.
    func location(of node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String) { log.error(location(of: node), message) }

    func warning(_ node: Node, _ message: String) { log.warning(location(of: node), message) }

    private func logSyntaxError(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                log.error(location(mark), "invalid YAML: lists and mappings nested more than 1000 levels deep (at most 1000)")
            } else {
                log.error(location(mark), "invalid YAML: \(problem)\(Self.advice(for: problem))")
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(location(context.mark), "duplicate key \(keys) (each key may appear once per mapping)")
        case .reader(let problem, _, _, _):
            log.error(SourceLocation(path: path, line: 1, column: 1), "unreadable text: \(problem) (save the file as UTF-8)")
        default:
            log.error(SourceLocation(path: path, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    /// libyaml's problems name the symptom; most of them come from indentation or an unquoted colon.
    private static func advice(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return " (check the indentation, and quote text that contains \": \")"
        }
        if problem.contains("did not find expected") || problem.contains("could not find expected") {
            return " (check the indentation of this line and the one above)"
        }
        if problem.contains("tab") { return " (indent with spaces, not tabs)" }
        return ""
    }
}
