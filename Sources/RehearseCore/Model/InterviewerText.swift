/// The placeholders an interviewer's greeting and closing may use, filled in per session:
/// options such as `--count` change them, so the text must not hard-code them.
public enum InterviewerText {
    /// The placeholders known, and what each becomes.
    public static let placeholders = ["{count}": "the number of questions, in words (five)"]

    /// `text` with `{count}` replaced by `count` in words ("five"; digits past twenty), and
    /// "{count} questions" said "one question" for a single one.
    public static func fill(_ text: String, count: Int) -> String {
        // By bytes: NSString's replacing showed at every session start.
        let singular = count == 1 ? text.replacingBytes(of: "{count} questions", with: "one question") : text
        return singular.replacingBytes(of: "{count}", with: words(count))
    }

    /// Placeholders in `text` that are not known, such as `{cnt}`.
    public static func unknownPlaceholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[open...close])
            if placeholders[name] == nil, name.count <= 40, !name.dropFirst().dropLast().contains(where: \.isWhitespace) {
                found.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// Whether `text` states a number of questions itself ("five questions", "5 questions").
    public static func hardCodesCount(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let numbers = Set(Self.numberWords + (1...100).map(String.init))
        return zip(words, words.dropFirst()).contains { numbers.contains($0) && $1.hasPrefix("question") }
    }

    static let numberWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]

    static func words(_ count: Int) -> String {
        (1...numberWords.count).contains(count) ? numberWords[count - 1] : String(count)
    }
}
