/// Concepts gained and lost between two gradings, as `compare` and `replay --rescore` show them.
enum ConceptChanges {
    /// `+csrf token, +same-origin`.
    static func gained(_ concepts: [String]) -> String {
        concepts.map { "+" + SafeText.clean($0) }.joined(separator: ", ")
    }

    /// `−csrf token, −same-origin` (a minus sign, not a hyphen).
    static func lost(_ concepts: [String]) -> String {
        concepts.map { "−" + SafeText.clean($0) }.joined(separator: ", ")
    }
}
