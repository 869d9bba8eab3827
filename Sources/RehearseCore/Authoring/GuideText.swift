/// The text operations importing a guide repeats on every line, done in one pass over the UTF-8
/// bytes: Foundation's `replacingOccurrences` and `trimmingCharacters` bridge each line to
/// UTF-16 and back, which made a 5 MB guide spend most of its time converting.
enum GuideText {
    /// The guide's lines, with `\r\n` and a lone `\r` read as `\n`: a guide saved on Windows
    /// (or an old Mac) imports exactly like the same guide with Unix line endings.
    static func lines(_ text: String) -> [String] {
        let newline = UInt8(ascii: "\n")
        let unified = unifyingLineEndings(text)
        return unified.utf8.split(separator: newline, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// `text` with `\r\n` and lone `\r` made `\n`.
    static func unifyingLineEndings(_ text: String) -> String {
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        guard text.utf8.contains(cr) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == lf, afterCR {
                afterCR = false
                continue  // the `\n` of `\r\n`: the `\r` already ended the line
            }
            afterCR = byte == cr
            bytes.append(afterCR ? lf : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `scalar` is in Foundation's `CharacterSet.whitespaces`: tab, the space separators
    /// (Unicode category Zs) and the zero-width space.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `text` without leading and trailing blanks, as `trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// `text` without leading and trailing blanks.
    static func trimmed(_ text: String) -> String { trimmed(text[...]) }

    /// The range of the first `pattern` in `text`.
    static func firstRange(of pattern: String, in text: Substring) -> Range<String.Index>? {
        var contiguous = text  // `withUTF8` may copy a bridged string; indices come from `text`
        let pattern = Array(pattern.utf8)
        guard let offset = contiguous.withUTF8({ ByteSearch.firstOffset(of: pattern, in: $0, from: 0) }) else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: pattern.count)
    }

    /// Whether `pattern` occurs in `text`.
    static func contains(_ pattern: String, in text: String) -> Bool {
        var text = text
        let pattern = Array(pattern.utf8)
        return text.withUTF8 { ByteSearch.firstOffset(of: pattern, in: $0, from: 0) } != nil
    }

    /// Markdown links `[text](target)` reduced to their text, in one pass.
    ///
    /// The same result as repeating "take the first `[`, the first `](` after it and the first `)`
    /// after that, and keep only what stands between `[` and `](`" until one of them is missing
    /// (which rescanned the line from its start for every link). An unfinished `[` waits for the
    /// next `](`, so its text runs to there, as before.
    static func removingLinks(_ text: [UInt8]) -> [UInt8] {
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        let paren = UInt8(ascii: "(")
        let end = UInt8(ascii: ")")
        guard text.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: [open], in: $0, from: 0) }) != nil else { return text }
        var kept: [UInt8] = []
        kept.reserveCapacity(text.count)
        // Positions in `kept` of the `[`s still waiting for their `](`, oldest first from `next`.
        var waiting: [Int] = []
        var next = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            // A `(` right after a `]` that follows the oldest waiting `[` completes its `](`.
            if byte == paren, next < waiting.count, kept.last == close {
                guard let target = text[(index + 1)...].firstIndex(of: end) else {
                    kept.append(contentsOf: text[index...])  // no `)`: nothing more is replaced
                    break
                }
                kept.removeLast()  // the `]`
                next += 1  // its `[` goes when `kept` is compacted
                index = target + 1
                continue
            }
            if byte == open { waiting.append(kept.count) }
            kept.append(byte)
            index += 1
        }
        guard next > 0 else { return kept }
        // Drop the `[`s whose links were completed: `waiting[..<next]`, in increasing order.
        var result: [UInt8] = []
        result.reserveCapacity(kept.count)
        var dropped = 0
        for (position, byte) in kept.enumerated() {
            if dropped < next, waiting[dropped] == position {
                dropped += 1
                continue
            }
            result.append(byte)
        }
        return result
    }
}
