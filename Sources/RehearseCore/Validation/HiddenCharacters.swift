/// Characters that do something other than show: C0 controls but newline and tab, DEL, C1
/// controls, and invisible format characters (bidi embeddings, overrides and isolates,
/// zero-width spaces and joiners, the byte-order mark). Terminals show them escaped; lint
/// warns about them, since bank text has no use for them.
public enum HiddenCharacters {
    /// The first such character of `text`, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isHidden)
    }

    /// Whether `scalar` is one of them.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `U+001B` for a warning.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
