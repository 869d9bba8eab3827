/// The recursive-descent scanner behind `JSONLineValue.parse`. It borrows the bytes of a `withUTF8` call, so it
/// must not outlive it.
struct JSONLineParser {
    /// Arrays and objects nested deeper than this are rejected rather than recursed into.
    static let maxDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Long strings seen lately, handed back instead of copied again when they recur.
    var recent = RecentStrings()

    /// The byte at `index`, or 0 past the end: NUL is invalid everywhere in JSON text, so it can stand for the end.
    var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func skipWhitespace() {
        while current == 0x20 || current == 0x0A || current == 0x0D || current == 0x09 { index += 1 }
    }

    /// The value starting at `index`, inside `depth` arrays and objects.
    mutating func value(depth: Int) -> JSONLineValue? {
        switch current {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string().map(JSONLineValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    mutating func literal(_ word: StaticString, _ value: JSONLineValue) -> JSONLineValue? {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    mutating func array(depth: Int) -> JSONLineValue? {
        guard depth <= Self.maxDepth else { return nil }
        index += 1
        var elements: [JSONLineValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            guard let element = value(depth: depth) else { return nil }
            elements.append(element)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: return nil
            }
        }
    }

    mutating func object(depth: Int) -> JSONLineValue? {
        guard depth <= Self.maxDepth else { return nil }
        // Room for a typical line's fields up front: each time a dictionary grows it rehashes every key.
        var members = [String: JSONLineValue](minimumCapacity: 12)
        guard eachMember(depth: depth, { members[$0] = $1 }) else { return nil }
        return .object(members)
    }

    /// Parses the whole text as one object, handing each member to `member` in order instead of
    /// building a dictionary: a batch line wants a few known fields. False if the text is not
    /// exactly one valid JSON object.
    mutating func members(_ member: (String, JSONLineValue) -> Void) -> Bool {
        skipWhitespace()
        guard current == UInt8(ascii: "{"), eachMember(depth: 1, member) else { return false }
        skipWhitespace()
        return index == bytes.count
    }

    /// The members of the object whose `{` is at `index`, each handed to `member`; false at the
    /// first thing that is not JSON.
    private mutating func eachMember(depth: Int, _ member: (String, JSONLineValue) -> Void) -> Bool {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\""), let key = string() else { return false }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard let value = value(depth: depth) else { return false }
            member(key, value)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return true
            default: return false
            }
        }
    }

    /// The string literal whose opening quote is at `index`. Most strings have no escapes and become a `String`
    /// straight from the bytes, which are valid UTF-8 because they came from a `String`.
    mutating func string() -> String? {
        let start = index + 1
        var end = start
        // Strings are most of a line, so they are skipped eight bytes at a time until a word holds a byte that
        // needs a look: a quote, a backslash or a control character.
        while end + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)
            let quotes = word ^ 0x2222_2222_2222_2222
            let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let low: UInt64 = 0x0101_0101_0101_0101
            let flagged = (quotes &- low) & ~quotes | (backslashes &- low) & ~backslashes | (word &- 0x20 &* low) & ~word
            if flagged & 0x8080_8080_8080_8080 != 0 { break }
            end += 8
        }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return recent.string(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            if byte == UInt8(ascii: "\\") {
                index = end
                return escapedString(from: start)
            }
            if byte < 0x20 { return nil }
            end += 1
        }
        return nil
    }

    /// The rest of a string literal that began at `start` and has an escape at `index`, decoded into a byte buffer.
    mutating func escapedString(from start: Int) -> String? {
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escape = current
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    UTF8.encode(scalar) { decoded.append($0) }
                default: return nil
                }
            case 0..<0x20: return nil
            default: decoded.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\uXXXX` escape whose digits start at `index`, taking the second half of a surrogate pair;
    /// nil for a lone surrogate, which no Swift string can hold.
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hexQuad() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF: return nil
        default: return Unicode.Scalar(unit)
        }
    }

    mutating func hexQuad() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): unit = unit << 4 | UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): unit = unit << 4 | UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): unit = unit << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            index += 1
        }
        return unit
    }

    /// The number at `index`. The grammar is checked here because `Double(_:)` is looser than JSON: it takes
    /// `01`, `.5`, `1.`, `inf` and hexadecimal.
    mutating func number() -> JSONLineValue? {
        let start = index
        let isNegative = current == UInt8(ascii: "-")
        if isNegative { index += 1 }
        var mantissa: UInt64 = 0
        var digitCount = 0
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            guard let count = digits(into: &mantissa) else { return nil }
            digitCount = count
        }
        var exponent = 0
        if current == UInt8(ascii: ".") {
            index += 1
            guard let count = digits(into: &mantissa) else { return nil }
            digitCount += count
            exponent = -count
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            let isNegativeExponent = current == UInt8(ascii: "-")
            if isNegativeExponent || current == UInt8(ascii: "+") { index += 1 }
            var written: UInt64 = 0
            guard let count = digits(into: &written) else { return nil }
            // Past four digits `written` may have wrapped; any such exponent is out of the fast path's range anyway.
            let magnitude = count > 4 ? 100_000 : Int(written)
            exponent += isNegativeExponent ? -magnitude : magnitude
        }
        // Scores such as `0.5` and `72` fit the fast path: a mantissa and a power of ten both exact in a Double,
        // so one multiplication or division rounds correctly (Clinger), with no text conversion.
        if digitCount <= 15, exponent >= -22, exponent <= 22 {
            let value = Double(mantissa)
            let scaled = exponent < 0 ? value / Self.powersOfTen[-exponent] : value * Self.powersOfTen[exponent]
            return .number(isNegative ? -scaled : scaled)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return Double(text).map(JSONLineValue.number)
    }

    /// The powers of ten that are exact in a Double.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads one or more ASCII digits into `value`, which wraps past 19 digits (callers check the count first);
    /// the number of digits, or nil if there are none.
    mutating func digits(into value: inout UInt64) -> Int? {
        let start = index
        while case UInt8(ascii: "0")...UInt8(ascii: "9") = current {
            value = value &* 10 &+ UInt64(current - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? index - start : nil
    }
}
