/// Writes the one sentence a person would say about an answer.
enum FeedbackWriter {
    static func sentence(matched: [String], missed: [String]) -> String {
        // Appended into one string: written for every answer, and interpolating lists made of
        // arrays and joined strings showed in the daemon's profile.
        var text = ""
        text.reserveCapacity(128)
        switch (matched.isEmpty, missed.isEmpty) {
        case (true, true):
            return "no answer"
        case (false, true):
            text += "You covered the key points: "
            appendList(matched.prefix(3), conjunction: "and", to: &text)
            text += "."
        case (true, false):
            text += "You didn't mention "
            appendList(missed.prefix(2), conjunction: "or", to: &text)
            text += " — start there."
        case (false, false):
            text += "You explained "
            appendList(matched.prefix(3), conjunction: "and", to: &text)
            text += "; you didn't mention "
            appendList(missed.prefix(2), conjunction: "or", to: &text)
            text += "."
        }
        return text
    }

    /// Appends ``list(_:conjunction:)`` of `items` to `text`.
    static func appendList(_ items: ArraySlice<String>, conjunction: String, to text: inout String) {
        for (position, item) in zip(items.indices, items) {
            if position > items.startIndex { text += position == items.endIndex - 1 ? " \(conjunction) " : ", " }
            text += item
        }
    }

    /// What a person would say after a follow-up about `asked`.
    static func followUp(asked: String, earned: [String], missed: [String]) -> String {
        let others = earned.filter { $0 != asked }
        let also = others.isEmpty ? "" : ", and also " + list(Array(others.prefix(2)), conjunction: "and")
        let left = missed.isEmpty ? "" : " Still missing: " + list(Array(missed.prefix(2)), conjunction: "and") + "."
        if earned.contains(asked) { return "Your follow-up covered \(asked)\(also).\(left)" }
        if !others.isEmpty {
            return "Your follow-up didn't show \(asked), but it did cover " + list(Array(others.prefix(2)), conjunction: "and") + ".\(left)"
        }
        return "Your follow-up didn't show \(asked) — the reference answer explains it."
    }

    /// `sentence` with a note that only the first `limit` characters of the answer were scored.
    static func noting(truncationAt limit: Int, to sentence: String) -> String {
        let characters = "the first \(grouped(limit)) characters"
        if sentence == "no answer" { return "no answer in \(characters) (the rest was not scored)" }
        return sentence + " Only \(characters) were scored."
    }

    /// `20000` → `20,000`, the same in every locale.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var text = number < 0 ? "-" : ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String) -> String {
        var text = ""
        appendList(items[...], conjunction: conjunction, to: &text)
        return text
    }
}
