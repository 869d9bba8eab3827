import Foundation

/// Repairs text whose UTF-8 was read as Mac Roman, as in guides copied between editors:
/// `‚Üí` becomes `→`. Emoji whose first byte was lost (`üß†`) and pictographs are dropped:
/// they carry no meaning for a question bank.
public enum MojibakeRepair {
    /// Mac Roman characters 0x80...0xFF, in byte order.
    private static let table: [Character] = Array(
        "\u{C4}\u{C5}\u{C7}\u{C9}\u{D1}\u{D6}\u{DC}\u{E1}\u{E0}\u{E2}\u{E4}\u{E3}\u{E5}\u{E7}\u{E9}\u{E8}\u{EA}\u{EB}\u{ED}\u{EC}\u{EE}\u{EF}\u{F1}\u{F3}\u{F2}\u{F4}\u{F6}\u{F5}\u{FA}\u{F9}\u{FB}\u{FC}\u{2020}\u{B0}\u{A2}\u{A3}\u{A7}\u{2022}\u{B6}\u{DF}\u{AE}\u{A9}\u{2122}\u{B4}\u{A8}\u{2260}\u{C6}\u{D8}\u{221E}\u{B1}\u{2264}\u{2265}\u{A5}\u{B5}\u{2202}\u{2211}\u{220F}\u{3C0}\u{222B}\u{AA}\u{BA}\u{3A9}\u{E6}\u{F8}\u{BF}\u{A1}\u{AC}\u{221A}\u{192}\u{2248}\u{2206}\u{AB}\u{BB}\u{2026}\u{A0}\u{C0}\u{C3}\u{D5}\u{152}\u{153}\u{2013}\u{2014}\u{201C}\u{201D}\u{2018}\u{2019}\u{F7}\u{25CA}\u{FF}\u{178}\u{2044}\u{20AC}\u{2039}\u{203A}\u{FB01}\u{FB02}\u{2021}\u{B7}\u{201A}\u{201E}\u{2030}\u{C2}\u{CA}\u{C1}\u{CB}\u{C8}\u{CD}\u{CE}\u{CF}\u{CC}\u{D3}\u{D4}\u{F8FF}\u{D2}\u{DA}\u{DB}\u{D9}\u{131}\u{2C6}\u{2DC}\u{AF}\u{2D8}\u{2D9}\u{2DA}\u{B8}\u{2DD}\u{2DB}\u{2C7}"
    )
    private static let byteOf: [Character: UInt8] = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($0.element, UInt8(0x80 + $0.offset)) })

    /// The repaired line.
    public static func repair(_ line: String) -> String {
        // Mac Roman's upper half, emoji and pictographs are all outside ASCII.
        guard !line.utf8.allSatisfy({ $0 < 0x80 }) else { return line }
        guard line.contains(where: { byteOf[$0] != nil }) else { return dropPictographs(line) }
        let characters = Array(line)
        var output = ""
        var index = 0
        while index < characters.count {
            if let byte = byteOf[characters[index]], (0xC2...0xF4).contains(byte) {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if index + length <= characters.count {
                    let bytes = characters[index..<(index + length)].compactMap { byteOf[$0] }
                    if bytes.count == length, bytes.dropFirst().allSatisfy({ (0x80...0xBF).contains($0) }),
                        let decoded = String(validating: bytes, as: UTF8.self)
                    {
                        output += decoded
                        index += length
                        continue
                    }
                }
            }
            output.append(characters[index])
            index += 1
        }
        // A token made only of continuation bytes is an emoji that lost its lead byte.
        let tokens: [String] = output.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let kept = tokens.filter { token in !(token.count >= 2 && token.allSatisfy(isContinuation)) }
        return dropPictographs(kept.joined(separator: " "))
    }

    private static func isContinuation(_ character: Character) -> Bool {
        guard let byte = byteOf[character] else { return false }
        return (0x80...0xBF).contains(byte)
    }

    /// Emoji and pictographs go; arrows and letters stay. Spaces they leave behind are closed,
    /// but indentation (which is Markdown structure) is kept.
    static func dropPictographs(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isPictograph) else { return text }
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isPictograph($0) }))
        let indent = String(kept.prefix { $0 == " " || $0 == "\t" })
        // Runs of spaces closed to one, in one pass.
        var body = String.UnicodeScalarView()
        for scalar in kept.dropFirst(indent.count).unicodeScalars where scalar != " " || body.last != " " { body.append(scalar) }
        return indent + GuideText.trimmed(String(body))
    }

    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x2600...0x27BF).contains(scalar.value) || (0x1F000...0x1FAFF).contains(scalar.value) || scalar.value == 0xFE0F || scalar.value == 0x200D
    }
}
