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

    /// An empty buffer with room for `capacity` bytes.
    public init(reserving capacity: Int) { bytes.reserveCapacity(capacity) }

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
    public mutating func key(_ name: StaticString) {
        comma()
        // Member names are the contract's fixed names, which need no escaping: copied as they
        // are (quoting them was a third of the time spent quoting).
        name.withUTF8Buffer { name in
            assert(!name.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "a member name to escape")
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ":"))
    }

    /// A text member whose name is not fixed (a map's keys), quoted as any text; left out
    /// when `nil`.
    public mutating func string(named name: String, _ value: String?) {
        guard let value else { return }
        comma()
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
        quoted(value)
    }

    /// The comma before every member but the first.
    private mutating func comma() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    /// Appends again the bytes at `range`, written earlier: copied within the buffer (a slice
    /// of it would share the storage, and appending would copy all of it first).
    public mutating func repeatBytes(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "bytes not yet written")
        let end = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: range.count))
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, !range.isEmpty else { return }
            (base + end).update(from: base + range.lowerBound, count: range.count)
        }
    }

    /// Text already in JSON form.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A text member, left out when `nil`.
    public mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        quoted(value)
    }

    /// A whole-number member, left out when `nil`.
    public mutating func int(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        digits(value)
    }

    /// `value` in decimal, written in place: making a `String` of each number first showed in
    /// the daemon's profile (every line and reply has several).
    public mutating func digits(_ value: Int) { Self.appendDigits(value, to: &bytes) }

    /// Appends `value` in decimal, zero-padded to `minimum` digits (a sign, if negative,
    /// counts as one of them: `%04d` does the same).
    static func appendDigits(_ value: Int, minimum: Int = 1, to bytes: inout [UInt8]) {
        guard value != .min else { return bytes.append(contentsOf: String(value).utf8) }
        var minimum = minimum
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            minimum -= 1
        }
        var rest = value.magnitude
        var count = 1
        var power: UInt = 10
        while rest >= power, count < 19 {
            count += 1
            power *= 10
        }
        count = max(count, minimum)
        let end = bytes.count + count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var index = end - 1
            while rest > 0 {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            }
        }
    }

    /// A flag member, left out when `nil`.
    public mutating func bool(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        raw(value ? "true" : "false")
    }

    /// A number member, left out when `nil`.
    public mutating func double(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        Self.appendNumber(value, to: &bytes)
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
        array(match.span) { json, offset in json.digits(offset) }
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
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as ``number(_:)`` writes it.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        guard let thousandths = thousandths(of: value) else {
            var text = "\(value)"
            if text.hasSuffix(".0") { text.removeLast(2) }
            return bytes.append(contentsOf: text.utf8)
        }
        // Scores, weights and similarities have at most three decimals: written from their
        // digits, as whole numbers are (formatting each double as a `String` showed in the
        // daemon's profile).
        if thousandths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = thousandths.magnitude
        appendDigits(Int(magnitude / 1000), to: &bytes)
        let fraction = Int(magnitude % 1000)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        if fraction % 100 == 0 {
            appendDigits(fraction / 100, to: &bytes)
        } else if fraction % 10 == 0 {
            appendDigits(fraction / 10, minimum: 2, to: &bytes)
        } else {
            appendDigits(fraction, minimum: 3, to: &bytes)
        }
    }

    /// `value` in thousandths, when it is the double nearest to a decimal of at most three
    /// decimals under 10⁹ (not -0): then that decimal, trailing zeros dropped, is the shortest
    /// text that reads back as `value` — another decimal of three decimals or fewer is at least
    /// 0.001 away, far more than the gap between neighbouring doubles of that size — so it is
    /// what JSONEncoder writes.
    static func thousandths(of value: Double) -> Int? {
        guard abs(value) < 1e9, !(value == 0 && value.sign == .minus) else { return nil }
        let scaled = (value * 1000).rounded()
        // `scaled` is whole and below 2⁵³, so this division is the double nearest to it / 1000.
        guard scaled / 1000 == value else { return nil }
        return Int(scaled)
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
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while none needs an escape: replies and transcript lines
                // are mostly long plain text.
                if utf8.count - index >= 8,
                    !needsEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                let index = index - 1
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

    /// Whether any of the eight bytes in `word` is a control character, a quote or a
    /// backslash (the usual has-zero-byte test, exact for "any").
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return below | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs) != 0
    }
}
