import CJSONScan
/// Digits, numbers and quoted text, written through a callback: the same code writes into a
/// ``JSONBytes`` and into the byte arrays of time stamps and `score --batch` lines.
extension JSONBytes {
    /// Calls `body` with `value` in decimal, zero-padded to `minimum` digits (a sign, if
    /// negative, counts as one of them: `%04d` does the same). Written backwards into a buffer
    /// on the stack.
    @inline(__always)
    static func withDigits<R>(_ value: Int, minimum: Int = 1, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let capacity = max(24, minimum + 1)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var index = capacity
            var rest = value.magnitude
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            let digits = value < 0 ? minimum - 1 : minimum
            while capacity - index < digits {
                index -= 1
                buffer[index] = UInt8(ascii: "0")
            }
            if value < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[index...]))
        }
    }

    /// Appends `value` in decimal, zero-padded to `minimum` digits, to `bytes`.
    static func appendDigits(_ value: Int, minimum: Int = 1, to bytes: inout [UInt8]) {
        withDigits(value, minimum: minimum) { bytes.append(contentsOf: $0) }
    }

    /// A double as JSONEncoder writes it: the shortest form that reads back the same, without
    /// the `.0` of a whole number.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        writeNumber(value) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `value` as ``number(_:)`` does, in pieces, through `emit`.
    @inline(__always)
    static func writeNumber(_ value: Double, _ emit: (UnsafeRawBufferPointer) -> Void) {
        guard let thousandths = thousandths(of: value) else {
            // The description's bytes, not an interpolation (a buffer of its own) nor `hasSuffix`
            // (which compares characters).
            var text = value.description
            return text.withUTF8 { utf8 in
                let whole = utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
                emit(UnsafeRawBufferPointer(start: utf8.baseAddress, count: utf8.count - (whole ? 2 : 0)))
            }
        }
        // Scores, weights and similarities have at most three decimals: written from their
        // digits, as whole numbers are (formatting each double as a `String` showed in the
        // daemon's profile).
        let magnitude = thousandths.magnitude
        let whole = Int(magnitude / 1000) * (thousandths < 0 ? -1 : 1)
        let fraction = Int(magnitude % 1000)
        // -0.5 has no whole part to carry the sign.
        if thousandths < 0, whole == 0 { Swift.withUnsafeBytes(of: UInt8(ascii: "-")) { emit($0) } }
        withDigits(whole, emit)
        guard fraction != 0 else { return }
        let (digits, width) = fraction % 100 == 0 ? (fraction / 100, 1) : fraction % 10 == 0 ? (fraction / 10, 2) : (fraction, 3)
        withDigits(digits, minimum: width) { digits in
            Swift.withUnsafeBytes(of: UInt8(ascii: ".")) { emit($0) }
            emit(digits)
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

    /// Appends `text` in quotes to `bytes`, as ``quoted(_:)`` writes it; with
    /// `shortControlEscapes` false, backspace and form feed are `\u0008` and `\u000c` too (as
    /// `score --batch` has always printed them).
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8], shortControlEscapes: Bool = true) {
        var text = text
        text.withUTF8 { utf8 in
            guard needsNoEscape(utf8) else {
                return quote(utf8, shortControlEscapes: shortControlEscapes) { bytes.append(contentsOf: $0) }
            }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Writes `utf8` in quotes through `emit`: runs of bytes that need no escape whole, and
    /// each escape.
    @inline(__always)
    static func quote(_ utf8: UnsafeBufferPointer<UInt8>, shortControlEscapes: Bool, _ emit: (UnsafeRawBufferPointer) -> Void) {
        let raw = UnsafeRawBufferPointer(utf8)
        var start = 0
        var index = 0
        Swift.withUnsafeBytes(of: UInt8(ascii: "\"")) { emit($0) }
        func run(upTo end: Int) {
            if end > start { emit(UnsafeRawBufferPointer(rebasing: raw[start..<end])) }
        }
        while index < utf8.count {
            // Up to the next byte that needs an escape, found by the same scan as
            // ``needsNoEscape(_:)``: replies and transcript lines are mostly long plain text.
            index += plainPrefix(UnsafeBufferPointer(rebasing: utf8[index...]))
            guard index < utf8.count else { break }
            let byte = utf8[index]
            index += 1
            run(upTo: index - 1)
            start = index
            var escape: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, 0, 0x30, 0x30, 0, 0)
            var length = 2
            switch byte {
            case UInt8(ascii: "\""): escape.1 = 0x22
            case UInt8(ascii: "\\"): escape.1 = 0x5C
            case 0x08 where shortControlEscapes: escape.1 = UInt8(ascii: "b")
            case 0x09: escape.1 = UInt8(ascii: "t")
            case 0x0A: escape.1 = UInt8(ascii: "n")
            case 0x0C where shortControlEscapes: escape.1 = UInt8(ascii: "f")
            case 0x0D: escape.1 = UInt8(ascii: "r")
            default:
                let hex: StaticString = "0123456789abcdef"
                escape.1 = UInt8(ascii: "u")
                escape.4 = hex.utf8Start[Int(byte >> 4)]
                escape.5 = hex.utf8Start[Int(byte & 0x0F)]
                length = 6
            }
            Swift.withUnsafeBytes(of: &escape) { emit(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
        }
        run(upTo: utf8.count)
        Swift.withUnsafeBytes(of: UInt8(ascii: "\"")) { emit($0) }
    }

    /// Whether no byte of `utf8` needs an escape: then the text goes between quotes as it is.
    /// (Sixteen bytes at a time, in C: it was 2% of the daemon's instructions in Swift's
    /// eight-byte words.)
    static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return true }
        return cjsonscan_plain(start, utf8.count) != 0
    }

    /// How many bytes at the start of `utf8` need no escape.
    static func plainPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let start = utf8.baseAddress else { return 0 }
        return cjsonscan_plain_prefix(start, utf8.count)
    }
}
