import Foundation
import Testing

@testable import RehearseCore

/// The writer's own buffer: whatever is written, however often it grows, reads back as the
/// same JSON that JSONEncoder writes for the same values.
@Suite struct JSONBytesTests {
    @Test(arguments: [0, 1, 16, 512])
    func growsFromAnySizeAndKeepsEveryByte(reserving: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "", "plain", "a \"quote\" and a \\ backslash", "tab\there\nnewline\u{1}\u{1F}", "é 李 😀", String(repeating: "long ", count: 300),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var json = JSONBytes(reserving: reserving)
        var expected = ""
        json.open()
        expected += "{"
        for round in 0..<200 {
            let text = pieces.randomElement(using: &generator)!
            let number = [0, 7, -3.5, 62.25, 0.1 + 0.2, 1e300].randomElement(using: &generator)!
            if round > 0 { expected += "," }
            switch round % 3 {
            case 0:
                json.string("text", text)
                expected += "\"text\":" + String(decoding: try encoder.encode(text), as: UTF8.self)
            case 1:
                json.double("number", number)
                expected += "\"number\":" + String(decoding: try encoder.encode(number), as: UTF8.self)
            default:
                json.key("list")
                json.array([round, -round]) { json, value in json.digits(value) }
                expected += "\"list\":[\(round),\(-round)]"
            }
        }
        // A copy of bytes written earlier, taken after the buffer has grown many times.
        let earlier = json.count
        json.key("again")
        json.string("text", "copied")
        let end = json.count
        json.repeatBytes(earlier..<end)
        json.close()
        expected += ",\"again\":,\"text\":\"copied\",\"again\":,\"text\":\"copied\"}"
        #expect(json.count == expected.utf8.count)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
        json.withUnsafeBytes { #expect(Array($0) == Array(expected.utf8)) }
    }

    /// Every byte that needs an escape is found wherever it falls in the 16- and 8-byte
    /// steps of the scan (and the bytes around it are copied whole), as JSONEncoder writes it.
    @Test func escapesAreFoundAtEveryPosition() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for length in 1..<40 {
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{8}", "\u{7F}", "é", " "] {
                    var characters = Array(repeating: "a", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    var json = JSONBytes(reserving: 1)
                    json.quoted(text)
                    #expect(json.bytes == Array(try encoder.encode(text)), "\(text.debugDescription)")
                }
            }
        }
    }

    /// The scan for bytes that need an escape (whether any does, and where the first one is)
    /// agrees with a byte-by-byte test on random bytes of every length around its 8- and
    /// 16-byte steps: plain bytes next to the ones that need an escape (0x20, 0x21, 0x5B, 0x5D,
    /// 0x7F and above), and half the time one that does.
    @Test func scanAgreesWithEachByte() {
        var generator = SystemRandomNumberGenerator()
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x61, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        let special: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C]
        for length in 0..<70 {
            for _ in 0..<200 {
                var bytes = (0..<length).map { _ in plain.randomElement(using: &generator)! }
                if length > 0, Bool.random(using: &generator) {
                    bytes[Int.random(in: 0..<length, using: &generator)] = special.randomElement(using: &generator)!
                }
                let expected = bytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }
                let prefix = bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? length
                bytes.withUnsafeBufferPointer { #expect(JSONBytes.needsNoEscape($0) == expected, "\(bytes)") }
                bytes.withUnsafeBufferPointer { #expect(JSONBytes.plainPrefix($0) == prefix, "\(bytes)") }
            }
        }
    }

    /// Text quoted into a byte array (time stamps, `score --batch`) is quoted as the writer
    /// quotes it, after whatever the array held.
    @Test func quotingIntoAnArrayMatchesTheWriter() {
        for text in ["", "x", "\"\\\u{8}\u{C}\u{0}", "a/b", "ünïcode and 😀 and \n"] {
            var bytes = Array("before:".utf8)
            JSONBytes.appendQuoted(text, to: &bytes)
            var json = JSONBytes(reserving: 1)
            json.quoted(text)
            #expect(bytes == Array("before:".utf8) + json.bytes, "\(text.debugDescription)")
        }
    }
}
