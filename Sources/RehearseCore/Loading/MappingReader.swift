import Foundation
import Yams

/// Reads typed values out of one YAML mapping, logging every problem in the document.
///
/// Every getter returns `nil` after logging when the value is missing or of the wrong kind,
/// so parsers carry on and report everything in one pass.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    /// How messages name the mapping, e.g. `question "django.csrf"`.
    var subject: String
    private let values: [String: Node]

    /// Checks that `node` is a mapping and that it has only `allowedKeys`.
    init?(_ node: Node, subject: String, allowedKeys: [String], in document: YAMLDocument) {
        guard case .mapping(let mapping) = node else {
            document.error(node, "\(subject) must be a mapping of keys to values, got \(Self.describe(node))")
            return nil
        }
        self.document = document
        self.node = node
        self.subject = subject
        var values: [String: Node] = [:]
        var unknown: [(key: Node, name: String)] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            if allowedKeys.contains(name) {
                values[name] = value
            } else {
                unknown.append((key, name))
            }
        }
        for (key, name) in unknown.prefix(Self.maxUnknownKeys) {
            let hint = Suggestion.hint(for: name, among: allowedKeys)
            document.error(key, "unknown key \"\(name)\" in \(subject) \(hint)")
        }
        if unknown.count > Self.maxUnknownKeys {
            // Not a bank or scenario at all, most likely: a hundred thousand lines saying so help nobody.
            document.error(
                unknown[Self.maxUnknownKeys].key,
                "\(unknown.count - Self.maxUnknownKeys) more unknown keys in \(subject) (only the first \(Self.maxUnknownKeys) are listed; is this a rehearse file?)"
            )
        }
        self.values = values
    }

    /// The most unknown keys of one mapping reported one by one.
    static let maxUnknownKeys = 20

    /// Whether the key is present (even with an empty value).
    func has(_ key: String) -> Bool { values[key] != nil }

    /// The raw node under `key`.
    func node(_ key: String) -> Node? { values[key] }

    /// Where `key`'s value starts; the mapping's own place if the key is absent, so a message
    /// about a key always points somewhere.
    func location(of key: String) -> SourceLocation { document.location(of: values[key] ?? node) }

    /// Logs an error at `key`'s value (at the mapping if the key is absent).
    func error(at key: String, _ message: String) { document.error(values[key] ?? node, message) }

    /// Logs a warning at `key`'s value (at the mapping if the key is absent).
    func warning(at key: String, _ message: String) { document.warning(values[key] ?? node, message) }

    /// Logs that a required key is absent.
    func missing(_ key: String) {
        document.error(node, "\(subject) is missing \"\(key)\"")
    }

    /// Text; multi-line block scalars keep their newlines. Empty text counts as missing when required.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = values[key], !Self.isNull(value) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            document.error(value, "\"\(key)\" must be text, got \(Self.describe(value))")
            return nil
        }
        let text = scalar.string.trimmedWhitespace
        if text.isEmpty {
            if required { document.error(value, "\"\(key)\" of \(subject) is empty") }
            return nil
        }
        return text
    }

    /// A whole number.
    func int(_ key: String) -> Int? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        guard case .scalar(let scalar) = value, let number = Int(scalar.string) else {
            document.error(value, "\"\(key)\" must be a whole number, got \(Self.describe(value))")
            return nil
        }
        return number
    }

    /// A whole number in `range`. One written out in digits but outside the range (however
    /// many digits) is an error quoting it and naming the range.
    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        guard case .scalar(let scalar) = value, Self.isWholeNumber(scalar.string) else { return int(key) }
        guard let number = Int(scalar.string), range.contains(number) else {
            document.error(
                value, "\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(scalar.string)\"")
            return nil
        }
        return number
    }

    /// A number, whole or not; infinity, NaN and numbers beyond a `Double` (1e400) are errors.
    func double(_ key: String) -> Double? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        guard case .scalar(let scalar) = value, let number = Double(scalar.string) else {
            document.error(value, "\"\(key)\" must be a number, got \(Self.describe(value))")
            return nil
        }
        guard number.isFinite else {
            document.error(value, "\"\(key)\" must be a finite number, got \"\(scalar.string)\"")
            return nil
        }
        return number
    }

    /// The text a scalar value was written as, for messages that quote it.
    func written(_ key: String) -> String? {
        guard case .scalar(let scalar)? = values[key] else { return nil }
        return scalar.string
    }

    /// `true` or `false` (YAML's `yes`/`no` and `on`/`off` too).
    func bool(_ key: String) -> Bool? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        if case .scalar(let scalar) = value, let flag = Self.parseBool(scalar.string) { return flag }
        document.error(value, "\"\(key)\" must be true or false, got \(Self.describe(value))")
        return nil
    }

    /// A list of texts; a lone text where a list is expected is an error with the fix.
    func strings(_ key: String) -> [String]? {
        guard let items = list(key) else { return nil }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .scalar(let scalar) = item, !Self.isNull(item) else {
                document.error(item, "item \(index + 1) of \"\(key)\" must be text, got \(Self.describe(item))")
                continue
            }
            result.append(scalar.string.trimmedWhitespace)
        }
        return result
    }

    /// A list of nodes.
    func list(_ key: String) -> [Node]? {
        guard let value = values[key], !Self.isNull(value) else { return nil }
        guard case .sequence(let sequence) = value else {
            var message = "\"\(key)\" must be a list, got \(Self.describe(value))"
            if case .scalar(let scalar) = value {
                message += " (write [\(scalar.string)] or put each item on its own \"- \" line)"
            }
            document.error(value, message)
            return nil
        }
        return Array(sequence)
    }

    /// A value read before the reader exists, so that even unknown-key messages can name
    /// the question or scenario by its id.
    static func peek(_ key: String, in node: Node) -> String? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.value.string
    }

    /// Digits, with an optional sign: a whole number, whether or not it fits in an `Int`.
    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// How messages show a value of the wrong kind.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar) where isNull(node):
            scalar.string.isEmpty ? "nothing" : "\(scalar.string) (quote it if you mean the word)"
        case .scalar(let scalar):
            "\"\(scalar.string.prefix(40))\""
        }
    }
}
