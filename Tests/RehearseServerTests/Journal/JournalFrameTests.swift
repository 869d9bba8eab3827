import Foundation
import Testing

@testable import RehearseServer

@Suite("Journal frames")
struct JournalFrameTests {
    static let entries = [
        JournalEntry(file: "20261126-010203-flask-0123abcd.jsonl", offset: 0, bytes: Array("{\"type\":\"session_start\"}\n".utf8)),
        JournalEntry(file: "20261126-010203-flask-0123abcd.jsonl", offset: 26, bytes: Array("{\"type\":\"answer\",\"text\":\"ünïcode\"}\n".utf8)),
        JournalEntry(file: "other.jsonl", offset: 1 << 33, bytes: []),
    ]

    static var journal: [UInt8] { JournalFrame.header + entries.flatMap(JournalFrame.encode) }

    @Test("entries come back as they were written")
    func roundTrip() throws {
        let decoded = try #require(JournalFrame.decode(Self.journal))
        #expect(decoded.entries == Self.entries)
        #expect(decoded.tornBytes == 0)
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)  // the standard check value
        #if arch(x86_64)
        #expect(CRC32C.hardware, "every x86-64 machine this runs on has SSE 4.2")
        #endif
    }

    @Test("a frame's bytes are its layout, written out field by field")
    func layout() {
        func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        let long = String(repeating: "n", count: JournalFrame.maxName + 5)
        // Cut at the limit inside a character, and a name made through NSString, which need not
        // be stored as UTF-8 in one piece (the frame then copies it the slow way).
        let accented = String(repeating: "é", count: JournalFrame.maxName / 2 + 3)
        let bridged = NSString(string: "20261127-010203-python-web-ñ.jsonl") as String
        let more = [long, accented, bridged].map { JournalEntry(file: $0, offset: 7, bytes: [1, 2, 3]) }
        for entry in Self.entries + more {
            let name = Array(entry.file.utf8.prefix(JournalFrame.maxName))
            let payload = littleEndian(UInt64(entry.offset)) + littleEndian(UInt16(name.count)) + name + entry.bytes
            let expected = littleEndian(UInt32(payload.count)) + littleEndian(CRC32C.checksum(payload)) + payload
            #expect(JournalFrame.encode(entry) == expected, "\(entry.file.prefix(40))")
        }
    }

    @Test("eight bytes at a time, the checksum is the byte-at-a-time CRC-32C of any bytes")
    func checksumMatchesTheBytewiseDefinition() {
        func bytewise(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            }
            return crc ^ 0xFFFF_FFFF
        }
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...40) + [255, 256, 1_000, 4_097] {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            #expect(CRC32C.checksum(bytes) == bytewise(bytes), "\(length) bytes")
            // The tables too, where the processor's instruction is used above.
            #expect(bytes.withUnsafeBufferPointer(CRC32C.tableChecksum) == bytewise(bytes), "\(length) bytes, from the tables")
            #expect(CRC32C.checksum(bytes.dropFirst().lazy.map { $0 }) == bytewise(Array(bytes.dropFirst())), "\(length) bytes, not contiguous")
        }
    }

    @Test("a journal cut at any byte gives back exactly the frames written whole, with or without the zeros it grew by")
    func tornTail() throws {
        let whole = Self.journal
        let ends = Self.entries.reduce(into: [JournalFrame.header.count]) { ends, entry in
            ends.append(ends.last! + JournalFrame.encode(entry).count)
        }
        let padding = [UInt8](repeating: 0, count: 4_096)
        for length in JournalFrame.header.count...whole.count {
            let cut = Array(whole.prefix(length))
            let complete = ends.lastIndex { $0 <= length }!
            // Torn: what follows the last whole frame, up to its last byte that is not zero
            // (a torn frame's own trailing zeros cannot be told from the file's growth).
            let torn = cut[ends[complete]...].lastIndex { $0 != 0 }.map { $0 + 1 - ends[complete] } ?? 0
            #expect(torn <= length - ends[complete] && (torn == 0) == cut[ends[complete]...].allSatisfy { $0 == 0 })
            for bytes in [cut, cut + padding] {
                let decoded = try #require(JournalFrame.decode(bytes))
                #expect(decoded.entries == Array(Self.entries.prefix(complete)), "cut at \(length), \(bytes.count - length) zeros after")
                #expect(decoded.tornBytes == torn, "cut at \(length), \(bytes.count - length) zeros after")
            }
        }
        // Whole, and grown: every frame, nothing torn.
        let grown = try #require(JournalFrame.decode(whole + padding))
        #expect(grown.entries == Self.entries && grown.tornBytes == 0)
    }

    @Test("a flipped bit ends the journal at the frame it hit")
    func corruption() throws {
        var bytes = Self.journal
        let second = JournalFrame.header.count + JournalFrame.encode(Self.entries[0]).count
        bytes[second + 20] ^= 0x10
        let decoded = try #require(JournalFrame.decode(bytes))
        #expect(decoded.entries == [Self.entries[0]])
        #expect(decoded.tornBytes == bytes.count - second)
        // A length field pointing past the end is a torn frame, not a crash.
        var huge = JournalFrame.header + JournalFrame.encode(Self.entries[0])
        huge += [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 1, 2, 3]
        #expect(JournalFrame.decode(huge)?.entries == [Self.entries[0]])
    }

    @Test("anything else is not a journal")
    func notAJournal() {
        #expect(JournalFrame.decode(Array("{\"type\":\"session_start\"}\n".utf8)) == nil)
        #expect(JournalFrame.decode([]) == nil)
    }
}
