import Foundation

/// Dates written out digit by digit: every transcript line carries one, and Foundation's
/// ISO 8601 format style (a calendar and a time zone set up at first use, then a formatter run
/// per call) cost a millisecond before the first question and showed in the daemon's profile
/// per answer. Tests compare these with Foundation's output.
enum TimeStamp {
    /// `2026-11-25T09:41:07.123Z`: UTC, milliseconds cut (not rounded), as
    /// `Date.ISO8601FormatStyle` writes it with fractional seconds.
    static func iso8601(_ date: Date) -> String {
        let reference = date.timeIntervalSinceReferenceDate
        let whole = reference.rounded(.down)
        let milliseconds = min(999, Int((reference - whole) * 1000))
        let seconds = whole.clampedInt(rounding: .towardZero)
        if let civil = CivilTime(secondsSince2001: seconds) {
            // Every year a transcript meets: each digit written in place, in one allocation
            // (appending them one number at a time was most of the cost of a line's time).
            return String(unsafeUninitializedCapacity: 24) { text in
                func put(_ value: Int, _ digits: Int, at end: Int) {
                    var rest = value
                    for index in stride(from: end - 1, through: end - digits, by: -1) {
                        text[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                        rest /= 10
                    }
                }
                put(civil.year, 4, at: 4)
                text[4] = UInt8(ascii: "-")
                put(civil.month, 2, at: 7)
                text[7] = UInt8(ascii: "-")
                put(civil.day, 2, at: 10)
                text[10] = UInt8(ascii: "T")
                put(civil.hour, 2, at: 13)
                text[13] = UInt8(ascii: ":")
                put(civil.minute, 2, at: 16)
                text[16] = UInt8(ascii: ":")
                put(civil.second, 2, at: 19)
                text[19] = UInt8(ascii: ".")
                put(milliseconds, 3, at: 23)
                text[23] = UInt8(ascii: "Z")
                return 24
            }
        }
        // Outside years 0-9999: glibc's calendar, written the long way.
        var time = time_t(seconds &+ 978_307_200)  // 2001 to 1970
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = Int(parts.tm_year) + 1900
        var text: [UInt8] = []
        text.reserveCapacity(24)
        append(year, digits: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), digits: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), digits: 2, to: &text)
        text.append(UInt8(ascii: "."))
        append(milliseconds, digits: 3, to: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// `20261125-094107` in local time, as people read file names.
    static func fileStamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.clampedInt(rounding: .towardZero))
        var parts = tm()
        localtime_r(&time, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(15)
        append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        append(Int(parts.tm_mday), digits: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_hour), digits: 2, to: &text)
        append(Int(parts.tm_min), digits: 2, to: &text)
        append(Int(parts.tm_sec), digits: 2, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `value` zero-padded to `digits`, as `%0Nd` writes it.
    private static func append(_ value: Int, digits: Int, to text: inout [UInt8]) {
        JSONBytes.appendDigits(value, minimum: digits, to: &text)
    }
}
