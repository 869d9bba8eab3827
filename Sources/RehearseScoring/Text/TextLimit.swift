/// Where a long text is cut so that only its beginning is analysed (`scorer.max_answer_chars`).
enum TextLimit {
    /// How far back from the limit a cut looks for whitespace, in characters (at most a tenth
    /// of the limit).
    static let window = 100

    /// Where to cut `text` so that at most `maxCharacters` characters (grapheme clusters) remain,
    /// or `nil` when it is no longer than that (or `maxCharacters` is 0 or less: no limit).
    ///
    /// The cut falls on a character boundary: before the whitespace nearest the limit when there
    /// is some among the last ``window`` characters, so that no word is scored half-written;
    /// exactly at the limit otherwise. One pass over the first `maxCharacters` characters.
    static func cut(_ text: String, maxCharacters: Int) -> String.Index? {
        // A character is at least one UTF-8 byte: a short text needs no counting.
        guard maxCharacters > 0, text.utf8.count > maxCharacters else { return nil }
        var index = text.startIndex
        var count = 0
        var lastSpace: (index: String.Index, count: Int)?
        while count < maxCharacters, index < text.endIndex {
            if text[index].isWhitespace { lastSpace = (index, count) }
            text.formIndex(after: &index)
            count += 1
        }
        guard index < text.endIndex else { return nil }
        if text[index].isWhitespace { return index }
        if let lastSpace, count - lastSpace.count <= min(window, maxCharacters / 10) { return lastSpace.index }
        return index
    }
}
