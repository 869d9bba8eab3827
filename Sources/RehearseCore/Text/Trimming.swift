import Foundation

extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's White_Space
    /// property), like `trimmingCharacters(in: .whitespacesAndNewlines)` (which also trims U+200B
    /// ZERO WIDTH SPACE) but without the trip through NSString that made it a fifth of loading
    /// the built-in banks. Names and notes sent to the daemon are trimmed the same way.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        // Most values need no trimming: no copy then.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// `trimmingCharacters(in: set)` exactly, but a text that begins and ends with a visible
    /// ASCII character (no whitespace set holds one) is returned as it is, without the trip
    /// through NSString: answers and settings nearly always are. The set is made only when it
    /// is needed (making `.whitespacesAndNewlines` showed at every answer).
    public func trimming(_ set: @autoclosure () -> CharacterSet) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        return trimmingCharacters(in: set())
    }
}
