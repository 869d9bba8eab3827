/// Numbers and literals written straight into the buffer. Through ``withDigits(_:minimum:_:)``
/// each went through a closure and a copy from the stack, and a double was about 330
/// instructions: a reply and its transcript line hold a few dozen.
extension JSONBytes {
    /// `value` in decimal, written in place: making a `String` of each number first showed in
    /// the daemon's profile (every line and reply has several).
    public mutating func digits(_ value: Int) {
        // 19 digits and a sign at most.
        reserve(20)
        var at = base + count
        if value < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        count = Self.writeDigits(value.magnitude, at: at) - base
    }

    /// `value` as JSONEncoder writes it, in place when it has at most three decimals, as
    /// scores, weights and similarities have.
    public mutating func number(_ value: Double) {
        guard let thousandths = Self.thousandths(of: value) else {
            return Self.writeNumber(value) { append($0) }
        }
        // Under 10⁹ with three decimals: a sign, 9 digits, a point and 3 decimals at most.
        reserve(16)
        var at = base + count
        if thousandths < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        let magnitude = thousandths.magnitude
        at = Self.writeDigits(magnitude / 1000, at: at)
        var fraction = magnitude % 1000
        if fraction != 0 {
            at.pointee = UInt8(ascii: ".")
            at += 1
            // Three decimals, then trailing zeros dropped.
            var divisor: UInt = 100
            while fraction != 0 {
                at.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / divisor)
                at += 1
                fraction %= divisor
                divisor /= 10
            }
        }
        count = at - base
    }

    /// A literal such as `true`, copied as it is.
    mutating func literal(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `value`'s decimal digits from `at` on; returns where they end.
    private static func writeDigits(_ value: UInt, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var length = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        rest = value
        var at = start + length
        repeat {
            at -= 1
            at.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return start + length
    }
}
