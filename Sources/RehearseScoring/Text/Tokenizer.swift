/// Splits text into tokens without losing code: identifiers stay whole (with their pieces
/// available), numbers keep their decimal point, and `c++` or `c#` keep their suffix.
public enum Tokenizer {
    /// The tokens of `text`, in order.
    ///
    /// Linear in the length of `text`: every byte is looked at a bounded number of times.
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [Token] = []
            // About one token per six bytes of prose: most texts never grow the array.
            tokens.reserveCapacity(min(bytes.count / 6 + 4, 4_096))
            var index = 0
            while let span = nextSpan(in: bytes, from: &index) {
                tokens.append(Token(span: span, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)))
            }
            return tokens
        }
    }

    /// Where the next token of `bytes` (a text's UTF-8) from `index` on stands, moving `index`
    /// past it; `nil` when there is none. For callers that look a token up by its bytes before
    /// making a `String` of it, in a plain loop (through a closure, each piece found was copied).
    static func nextSpan(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Range<Int>? {
        while index < bytes.count {
            switch scan(bytes, from: index) {
            case .token(let end):
                defer { index = end }
                return index..<end
            case .none(let next):
                index = next
            }
        }
        return nil
    }

    /// What starts at a position: a token ending at `end`, or nothing before `next`.
    private enum Scan {
        case token(end: Int)
        case none(next: Int)
    }

    /// The token starting at `start`, or where the next one may start.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        var index = start
        // A leading `@` (decorators) or `_` (dunder names) belongs to the token.
        while index < bytes.count, bytes[index] == UInt8(ascii: "@") || bytes[index] == UInt8(ascii: "_") { index += 1 }
        guard index < bytes.count, wordCharacterLength(bytes, at: index) > 0 else {
            // No letter or digit after the run of `@` and `_`: no position inside the run starts a
            // token either, so skip it whole (trying each position made a long `____` quadratic).
            return .none(next: max(index, start + 1))
        }
        while index < bytes.count {
            let length = wordCharacterLength(bytes, at: index)
            if length > 0 {
                index += length
            } else if bytes[index] == UInt8(ascii: "_") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "."), index > start, index + 1 < bytes.count,
                wordCharacterLength(bytes, at: index + 1) > 0
            {
                index += 1  // django.db.models, 0.6, app.middleware
            } else {
                break
            }
        }
        // c++, g++, c#: a short name followed by its suffix; n+1 as in "the N+1 query problem".
        if index - start <= 2, index < bytes.count {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "+"), bytes[index + 1] == UInt8(ascii: "+") {
                index += 2
            } else if bytes[index] == UInt8(ascii: "#") {
                index += 1
            } else if index - start == 1, bytes[index] == UInt8(ascii: "+"), index + 1 < bytes.count, asciiWord[Int(bytes[index + 1] & 0x7F)] == 1,
                bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39
            {
                index += 1
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        return .token(end: index)
    }

    /// The byte length of the letter or digit at `index`, or 0 if something else stands there.
    /// ASCII is decided by range; other characters (accented or full-width letters, other scripts)
    /// by their Unicode properties, so curly quotes and dashes still separate words.
    @inline(__always)
    private static func wordCharacterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return asciiWord[Int(byte)] }
        return unicodeWordCharacterLength(bytes, at: index)
    }

    /// 1 for ASCII letters and digits, 0 for everything else.
    private static let asciiWord: [Int] = (0..<128).map { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) ? 1 : 0
    }

    private static func unicodeWordCharacterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count else { return 0 }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return 0 }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark ? length : 0
    }

    /// `select_related` → [select, related]; `HttpResponseForbidden` → [Http, Response, Forbidden];
    /// `0.6` and `c++` stay whole.
    static func pieces(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        guard let first = bytes.first else { return [] }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if isDigit(first) && bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) { return [word] }
        // c++, c#, n+1 (bytes, not Characters: comparing Characters normalises them, which is slow).
        if bytes.last == UInt8(ascii: "#") || bytes.contains(UInt8(ascii: "+")) { return [word] }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return unicodePieces(of: word) }
        let isLower = { (byte: UInt8) in byte >= 0x61 && byte <= 0x7A }
        let isUpper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
        var result: [String] = []
        var start = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "@") {
                if index > start { result.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                start = index + 1
            } else if index > start, isUpper(byte), isLower(bytes[index - 1]) {
                // A lower-to-upper step starts a new piece: JsonResponse → Json, Response.
                result.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index
            }
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    /// The same rules for words with letters outside ASCII, by Unicode properties.
    private static func unicodePieces(of word: String) -> [String] {
        var result: [String] = []
        for part in word.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == "@" }) {
            var current = ""
            var previous: Character?
            for character in part {
                if let previous, previous.isLowercase, character.isUppercase, !current.isEmpty {
                    result.append(current)
                    current = ""
                }
                current.append(character)
                previous = character
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }
}
