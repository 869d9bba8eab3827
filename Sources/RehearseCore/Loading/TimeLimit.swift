/// Parses the durations authors and users write: `90`, `90s`, `2m`, `1m30s`.
public enum TimeLimit {
    /// The number of seconds, or `nil` for anything else (including zero).
    public static func seconds(from text: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text.lowercased() where character != " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Int(digits) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        if !digits.isEmpty {
            guard !sawUnit, let value = Int(digits) else { return nil }
            total += value
        }
        return total > 0 ? total : nil
    }
}
