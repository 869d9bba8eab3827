/// Writes the one sentence a person would say about an answer.
enum FeedbackWriter {
    static func sentence(matched: [String], missed: [String]) -> String {
        let said = list(Array(matched.prefix(3)), conjunction: "and")
        let unsaid = list(Array(missed.prefix(2)), conjunction: "or")
        switch (matched.isEmpty, missed.isEmpty) {
        case (true, true): return "no answer"
        case (false, true): return "You covered the key points: \(said)."
        case (true, false): return "You didn't mention \(unsaid) — start there."
        case (false, false): return "You explained \(said); you didn't mention \(unsaid)."
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " \(conjunction) " + last
    }
}
