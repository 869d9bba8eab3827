/// Finding and replacing text by its UTF-8 bytes: Foundation's `replacingOccurrences` and
/// `range(of:)` bridge to UTF-16 and back, and the standard library's generic `firstRange(of:)`
/// builds a searcher at every call; each showed where it ran per line or per request.
public enum ByteSearch {
    /// Where `pattern` first occurs in `bytes` at or after `start`; `nil` for an empty pattern.
    public static func firstOffset(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let lead = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == lead {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// `text` with every `pattern` (non-overlapping, from the left) replaced by `replacement`;
    /// `text` itself when there is none.
    public static func replacing(_ pattern: String, with replacement: String, in text: [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { replaced(Array(pattern.utf8), with: Array(replacement.utf8), in: $0) } ?? text
    }

    /// `bytes` with every `pattern` replaced; `nil` when there is none, so callers keep what
    /// they have instead of a copy.
    static func replaced(_ pattern: [UInt8], with replacement: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var found = firstOffset(of: pattern, in: bytes, from: 0) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        while true {
            result.append(contentsOf: bytes[start..<found])
            result.append(contentsOf: replacement)
            start = found + pattern.count
            guard let next = firstOffset(of: pattern, in: bytes, from: start) else { break }
            found = next
        }
        result.append(contentsOf: bytes[start...])
        return result
    }
}

extension String {
    /// This text with every `pattern` (non-overlapping, from the left) replaced by
    /// `replacement`, comparing UTF-8 bytes; the same string, not a copy, when there is none.
    public func replacingBytes(of pattern: String, with replacement: String) -> String {
        var text = self
        guard let replaced = text.withUTF8({ ByteSearch.replaced(Array(pattern.utf8), with: Array(replacement.utf8), in: $0) }) else {
            return self
        }
        return String(decoding: replaced, as: UTF8.self)
    }
}
