import RehearseScoring

/// A JSON object being written by hand: members with a comma between them, values as
/// JSONEncoder writes them (slashes unescaped). Transcript lines and the daemon's replies are
/// written with it; their tests compare it with JSONEncoder.
public struct JSONBytes: Sendable {
    /// What has been written.
    public var bytes: [UInt8] = []
    /// Whether the object or array being written has a member yet.
    @usableFromInline var first = true

    /// An empty buffer.
    public init() { bytes.reserveCapacity(512) }

    /// Starts an object.
    public mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    /// Ends an object.
    public mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// Starts a member: the comma before it if needed, the name and the colon.
    public mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Text already in JSON form.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A text member, left out when `nil`.
    public mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        quoted(value)
    }

    /// A whole-number member, left out when `nil`.
    public mutating func int(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        raw(String(value))
    }

    /// A flag member, left out when `nil`.
    public mutating func bool(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        raw(value ? "true" : "false")
    }

    /// A number member, left out when `nil`.
    public mutating func double(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        raw(Self.number(value))
    }

    /// An array, each item written by `write`. Inlinable, so that callers in other modules get
    /// it specialized for their item type: generic, it showed in the daemon's profile.
    @inlinable
    public mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            first = true
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A sample neighbour object, keys sorted.
    public mutating func neighbour(_ sample: SampleNeighbour) {
        open()
        string("label", sample.label)
        double("score", sample.score)
        double("scored", sample.scored)
        double("similarity", sample.similarity)
        close()
    }

    /// A matched concept object, keys sorted: transcript lines and replies write it alike.
    public mutating func match(_ match: ConceptMatch) {
        open()
        string("concept", match.concept)
        string("evidence", match.evidence)
        key("span")
        array(match.span) { json, offset in json.raw(String(offset)) }
        string("term", match.term)
        close()
    }

    /// A missed concept object, keys sorted.
    public mutating func missed(_ miss: MissedConcept) {
        open()
        string("concept", miss.concept)
        bool("required", miss.required)
        double("weight", miss.weight)
        close()
    }

    /// A double as JSONEncoder writes it: the shortest form that reads back the same, without
    /// the `.0` of a whole number.
    public static func number(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `text` in quotes: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00XX`, everything else (slashes and non-ASCII included) as it is.
    public mutating func quoted(_ text: String) {
        Self.appendQuoted(text, to: &bytes)
    }

    /// Appends `text` in quotes to `bytes`, as ``quoted(_:)`` writes it; with
    /// `shortControlEscapes` false, backspace and form feed are `\u0008` and `\u000c` too (as
    /// `score --batch` has always printed them).
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8], shortControlEscapes: Bool = true) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08 where shortControlEscapes: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C where shortControlEscapes: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
