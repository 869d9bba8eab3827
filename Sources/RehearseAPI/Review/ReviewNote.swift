import RehearseCore

/// The rules for a reviewer's note: up to 2,000 characters, line breaks and tabs allowed, no
/// other control or format character.
public enum ReviewNote {
    /// The longest note, in characters.
    public static let maxLength = 2000

    /// `text` trimmed, `nil` when empty, or why it is not a note.
    public static func validated(_ text: String) -> Result<String?, APIError> {
        let note = text.trimmedWhitespace
        guard !note.isEmpty else { return .success(nil) }
        guard note.count <= maxLength else {
            return .failure(.badRequest("field \"note\" is \(note.count) characters; the most is \(maxLength) (shorten it)"))
        }
        if note.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && CandidateName.isHidden($0) }) {
            return .failure(.badRequest("field \"note\" holds a control or format character (use visible characters, line breaks and tabs only)"))
        }
        return .success(note)
    }
}
