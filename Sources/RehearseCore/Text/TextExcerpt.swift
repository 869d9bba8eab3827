/// A window of a long text around one place in it, marked with `…` where it was cut: the part of
/// a long answer `search` found, the words of a long sentence that explain a concept.
enum TextExcerpt {
    /// `text` cut to `length` characters starting `before` characters ahead of the UTF-8 offset
    /// `offset`; the whole text when it is no longer than `length`.
    static func around(_ text: String, utf8Offset offset: Int, before: Int, length: Int) -> String {
        guard text.count > length else { return text }
        let utf8 = text.utf8
        let at = utf8.index(utf8.startIndex, offsetBy: min(max(0, offset), utf8.count))
        let start = text.index(at, offsetBy: -before, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(start, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
        return (start == text.startIndex ? "" : "…") + text[start..<end] + (end == text.endIndex ? "" : "…")
    }
}
