/// The placeholders an interviewer's greeting and closing may use, filled in per session:
/// options such as `--count` change them, so the text must not hard-code them.
public enum InterviewerText {
    /// The placeholders known, and what each becomes.
    public static let placeholders = ["{count}": "the number of questions, in words (five)"]

    /// `text` with `{count}` replaced by `count` in words ("five"; digits past twenty), and
    /// "{count} questions" said "one question" for a single one.
    public static func fill(_ text: String, count: Int) -> String {
        // A text without a brace has no placeholder (the standard library's substring search
        // builds a searcher per call, Foundation's goes through NSString).
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        // Split and joined rather than NSString's replacing, which showed at every session start.
        let singular = count == 1 ? replacing("{count} questions", with: "one question", in: text) : text
        return replacing("{count}", with: words(count), in: singular)
    }

    /// Every `target` in `text` replaced, comparing bytes (NSString's replacing and the
    /// standard library's generic split both showed at every session start).
    private static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let pattern = Array(target.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], bytes.count - index >= pattern.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
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
