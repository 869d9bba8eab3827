/// A JSON value parsed from one line of a JSON Lines file.
///
/// Batch scoring parses every line with this instead of `JSONSerialization`, whose boxing of each
/// value into Foundation objects dominated the profile; it reads the line's UTF-8 bytes in one pass.
enum JSONLineValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; one too large for a `Double`, such as `1e400`, becomes an infinity, which `double` hides.
    case number(Double)
    /// A string, escapes decoded.
    case string(String)
    /// An array.
    case array([JSONLineValue])
    /// An object; of duplicate keys the last one wins, as with `JSONSerialization`.
    case object([String: JSONLineValue])

    /// Parses `text`, which must be exactly one JSON value with optional surrounding whitespace (space, tab, CR, LF).
    ///
    /// Returns nil for anything that is not valid JSON (RFC 8259), including trailing commas, leading zeros,
    /// unescaped control characters, lone surrogate escapes, and nesting deeper than 64 arrays and objects,
    /// which keeps hostile input from exhausting the stack.
    static func parse(_ text: String) -> JSONLineValue? {
        var text = text
        var recent = RecentStrings()
        return text.withUTF8 { parse($0, reusing: &recent) }
    }

    /// Parses `bytes` like ``parse(_:)``; a string equal to one of `recent` is that string
    /// rather than a new copy (the lines of one question repeat its prompt and reference).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, reusing recent: inout RecentStrings) -> JSONLineValue? {
        var parser = JSONLineParser(bytes: bytes, recent: recent)
        defer { recent = parser.recent }
        parser.skipWhitespace()
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipWhitespace()
        return parser.index == bytes.count ? value : nil
    }

    /// The text of a `.string`.
    var string: String? { if case .string(let text) = self { text } else { nil } }

    /// The value of a finite `.number`; nil for an infinity, which JSON cannot mean.
    var double: Double? { if case .number(let value) = self, value.isFinite { value } else { nil } }

    /// The value of a `.bool`.
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// The elements of an `.array`.
    var array: [JSONLineValue]? { if case .array(let elements) = self { elements } else { nil } }

    /// The members of an `.object`.
    var object: [String: JSONLineValue]? { if case .object(let members) = self { members } else { nil } }
}
