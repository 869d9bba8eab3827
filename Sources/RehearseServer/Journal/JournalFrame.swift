/// How entries sit in a journal file: a header line, then frames of
/// `length (u32 LE) · CRC-32C of the payload (u32 LE) · payload`, the payload being
/// `offset (u64 LE) · name length (u16 LE) · name · bytes`, and zeros after the last frame
/// (the file grows ahead of its frames). Reading stops at the first frame that is cut short or
/// fails its checksum (a crash tore it, and its commit was never acknowledged) or at the zeros.
enum JournalFrame {
    /// The first bytes of every journal file.
    static let header = Array("rehearse-journal 1\n".utf8)
    private static let fixed = 8 + 2
    /// Names are transcript file names; anything longer is not one.
    static let maxName = 1024

    /// `entry` as one frame.
    static func encode(_ entry: JournalEntry) -> [UInt8] {
        // Written in place in one array, the checksum filled in last: a separate payload and
        // name cost two more arrays (and the name's grew as it was read) at every commit.
        let nameCount = min(entry.file.utf8.count, maxName)
        let length = fixed + nameCount + entry.bytes.count
        var frame: [UInt8] = []
        frame.reserveCapacity(8 + length)
        appendLittleEndian(UInt32(length), to: &frame)
        appendLittleEndian(UInt32(0), to: &frame)
        appendLittleEndian(UInt64(entry.offset), to: &frame)
        appendLittleEndian(UInt16(nameCount), to: &frame)
        // The name's bytes copied at once: appended from its UTF-8 view, a byte at a time
        // through the generic path, they cost more than the rest of the frame.
        if entry.file.utf8.withContiguousStorageIfAvailable({ frame.append(contentsOf: $0.prefix(nameCount)) }) == nil {
            frame += entry.file.utf8.prefix(nameCount)
        }
        frame += entry.bytes
        let checksum = frame.withUnsafeBufferPointer { CRC32C.checksum(UnsafeBufferPointer(rebasing: $0[8...])) }
        withUnsafeBytes(of: checksum.littleEndian) { frame.replaceSubrange(4..<8, with: $0) }
        return frame
    }

    /// The entries of a whole journal file, and how many bytes at its end were torn off (up to
    /// the last one that is not zero).
    /// `nil` when the file is not a journal at all.
    static func decode(_ bytes: [UInt8]) -> (entries: [JournalEntry], tornBytes: Int)? {
        guard bytes.starts(with: header) else { return nil }
        var entries: [JournalEntry] = []
        var position = header.count
        while bytes.count - position >= 8 {
            let length = Int(readLittleEndian(UInt32.self, bytes, at: position))
            let checksum = readLittleEndian(UInt32.self, bytes, at: position + 4)
            let start = position + 8
            guard length >= fixed, length <= bytes.count - start else { break }
            let payload = bytes[start..<start + length]
            guard CRC32C.checksum(payload) == checksum else { break }
            let offset = readLittleEndian(UInt64.self, bytes, at: start)
            let nameLength = Int(readLittleEndian(UInt16.self, bytes, at: start + 8))
            guard offset <= UInt64(Int.max / 2), fixed + nameLength <= length else { break }
            let nameStart = start + fixed
            let name = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            entries.append(JournalEntry(file: name, offset: Int(offset), bytes: Array(bytes[nameStart + nameLength..<start + length])))
            position = start + length
        }
        // Zeros after the last entry are the file's growth (``GroupJournal/growth``), not a
        // torn batch: what is torn ends at the last byte that is not zero.
        let end = (bytes.lastIndex { $0 != 0 } ?? 0) + 1
        return (entries, max(0, end - position))
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func readLittleEndian<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at position: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size { value |= T(bytes[position + index]) << (8 * index) }
        return value
    }
}
