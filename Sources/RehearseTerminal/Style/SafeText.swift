import RehearseCore

/// Makes text from files and the network safe to print: control characters and escape
/// sequences are shown, not obeyed, so a transcript, a bank or a daemon cannot clear the
/// screen, retitle the terminal or write to the clipboard; invisible format characters (bidi
/// overrides, zero-width spaces) are shown too, so text cannot read differently than it is.
public enum SafeText {
    /// `text` with C0 controls (but newline and tab), DEL and C1 controls in caret notation
    /// (ESC becomes `^[`, so `\e[2J` prints as `^[[2J`) and format characters as `\u{202e}`.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: result.append(contentsOf: "^\(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))".unicodeScalars)
            case 0x7F: result.append(contentsOf: "^?".unicodeScalars)
            default: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `text` holds anything ``clean(_:)`` would change.
    public static func isClean(_ text: String) -> Bool { !text.unicodeScalars.contains(where: isUnsafe) }

    /// The same characters lint warns about in bank text: one list for both.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { HiddenCharacters.isHidden(scalar) }
}
