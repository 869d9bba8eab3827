import RehearseCore

/// The rules for a display name (a candidate's, or a reviewer's): 1–80 characters, none of
/// them a control or format character, so a name cannot move a terminal's cursor, hide text
/// in a page or reverse what follows it. One place, used by the daemon and the CLI.
public enum CandidateName {
    /// The longest name, in characters.
    public static let maxLength = 80

    /// `text` with surrounding white space removed, or why it is not a name; `field` names the
    /// field or flag in the message.
    public static func validated(_ text: String, field: String) -> Result<String, APIError> {
        let name = text.trimmedWhitespace
        guard !name.isEmpty else { return .failure(.badRequest("\(field) must be 1 to \(maxLength) characters, got an empty name")) }
        guard name.count <= maxLength else {
            return .failure(.badRequest("\(field) must be 1 to \(maxLength) characters, got \(name.count) (use a shorter name)"))
        }
        if let bad = name.unicodeScalars.first(where: isHidden) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return .failure(.badRequest("\(field) holds the control or format character \(code) (use visible characters only)"))
        }
        return .success(name)
    }

    /// Control characters (C0, DEL, C1), format characters (bidi overrides, zero-width),
    /// and line or paragraph separators.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
