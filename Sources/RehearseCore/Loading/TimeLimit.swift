/// Parses the durations authors and users write: `90`, `90s`, `2m`, `1m30s`.
public enum TimeLimit {
    /// The longest time limit a scenario may set: a day.
    public static let maxSeconds = 86_400

    /// The number of seconds, or `nil` for anything else (including zero, and a duration too
    /// long to count in an `Int`).
    public static func seconds(from text: String) -> Int? {
        guard let total = duration(from: text), total > 0, total < Int.max else { return nil }
        return total
    }

    /// The seconds `text` names, zero included; `Int.max` stands for anything longer (digits
    /// past `Int.max` never trap). `nil` when `text` is not a duration at all.
    static func duration(from text: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text.lowercased() where character != " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard !digits.isEmpty else { return nil }
            let unit: Int
            switch character {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            total = adding(total, Int(digits) ?? Int.max, times: unit)
            digits = ""
            sawUnit = true
        }
        if !digits.isEmpty {
            guard !sawUnit else { return nil }
            total = adding(total, Int(digits) ?? Int.max, times: 1)
        }
        return total
    }

    /// A short wait as microseconds: `0`, or a whole number with `us` (or `µs`), `ms` or `s`,
    /// e.g. `500us`, `2ms`; `nil` for anything else, or for more than a second.
    public static func microseconds(from text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "0" { return 0 }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
        let unit: Int
        switch trimmed.dropFirst(digits.count) {
        case "us", "µs": unit = 1
        case "ms": unit = 1_000
        case "s": unit = 1_000_000
        default: return nil
        }
        let total = value * unit
        return total <= 1_000_000 ? total : nil
    }

    /// `total + value * unit`, stopping at `Int.max`.
    private static func adding(_ total: Int, _ value: Int, times unit: Int) -> Int {
        let (product, overflowed) = value.multipliedReportingOverflow(by: unit)
        guard !overflowed else { return Int.max }
        let (sum, sumOverflowed) = total.addingReportingOverflow(product)
        return sumOverflowed ? Int.max : sum
    }
}
