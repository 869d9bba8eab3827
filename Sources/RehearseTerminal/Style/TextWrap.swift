/// Wraps prose at word boundaries to a terminal's width, so the terminal does not cut words
/// in half. Continuation lines are indented under the text that follows a line's label
/// ("Sam: ", "Hint 1/2: ") or its leading spaces. Colour escapes take no columns.
public enum TextWrap {
    /// `text` with each line longer than `width` columns wrapped; unchanged when `width` is nil.
    /// With `keepingCode`, lines indented four spaces or more (code) are left as they are.
    public static func wrap(_ text: String, width: Int?, keepingCode: Bool = false) -> String {
        guard let width, width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            keepingCode && line.hasPrefix("    ") ? String(line) : wrapLine(String(line), width: width)
        }
        .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int) -> String {
        guard visibleLength(line) > width else { return line }
        let indent = min(hangingIndent(line), width / 2)
        var lines: [String] = []
        var current = ""
        var currentLength = 0
        let leading = line.prefix { $0 == " " }
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            let length = visibleLength(String(word))
            if currentLength == 0 {
                current = (lines.isEmpty ? String(leading) : String(repeating: " ", count: indent)) + word
                currentLength = (lines.isEmpty ? leading.count : indent) + length
            } else if currentLength + 1 + length <= width {
                current += " " + word
                currentLength += 1 + length
            } else {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
                currentLength = indent + length
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Where continuation lines start: after a short label ending in ": " or " — ", else after
    /// the leading spaces (and a list mark such as "✓ ").
    static func hangingIndent(_ line: String) -> Int {
        let plain = stripped(line)
        let leading = plain.prefix { $0 == " " }.count
        let head = plain.dropFirst(leading).prefix(30)
        for mark in [": ", " — "] {
            if let range = head.range(of: mark) {
                return leading + head.distance(from: head.startIndex, to: range.upperBound)
            }
        }
        if let first = head.first, "✓✗•-*".contains(first), head.dropFirst().first == " " { return leading + 2 }
        return leading
    }

    /// Columns `text` takes: characters outside ANSI escape sequences.
    static func visibleLength(_ text: String) -> Int { stripped(text).count }

    private static func stripped(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
