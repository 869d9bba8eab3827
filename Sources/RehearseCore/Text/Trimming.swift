extension String {
    /// The text without leading and trailing white space and line breaks (Unicode's White_Space
    /// property), like `trimmingCharacters(in: .whitespacesAndNewlines)` but without the trip
    /// through NSString that made it a fifth of loading the built-in banks. Names and notes
    /// sent to the daemon are trimmed the same way.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        // Most values need no trimming: no copy then.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
