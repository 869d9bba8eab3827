import CCRC32C

/// CRC-32C (Castagnoli), the checksum that tells a journal frame cut short or scribbled over
/// by a crash from one written whole.
enum CRC32C {
    /// Whether the processor computes it (SSE 4.2); the tables below otherwise.
    static let hardware = ccrc32c_available() != 0

    /// Slicing-by-8 tables, one after another: entry `k * 256 + b` is the CRC of byte `b`
    /// followed by `k` zero bytes, so eight bytes are folded in per step instead of one (a byte
    /// at a time showed in the daemon's profile: every reply's lines are checksummed).
    private static let tables: [UInt32] = {
        var tables = (0..<256).map { byte in
            var value = UInt32(byte)
            for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0x82F6_3B78 : value >> 1 }
            return value
        }
        for k in 1..<8 {
            tables += (0..<256).map { tables[(k - 1) * 256 + $0] >> 8 ^ tables[Int(tables[(k - 1) * 256 + $0] & 0xFF)] }
        }
        return tables
    }()

    /// The checksum of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable(checksum) { return crc }
        return checksum(Array(bytes))
    }

    /// The checksum of the bytes at `buffer`.
    static func checksum(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard hardware, let start = buffer.baseAddress else { return tableChecksum(buffer) }
        return ccrc32c_update(0xFFFF_FFFF, start, buffer.count) ^ 0xFFFF_FFFF
    }

    /// The checksum of the bytes at `buffer`, from the tables.
    static func tableChecksum(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        // Through a pointer: every index is a byte plus a multiple of 256 within the 2,048
        // entries, and the checked subscripts of eight arrays cost as much as the folding.
        tables.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var index = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while index + 8 <= buffer.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ UInt64(crc)
                crc =
                    t[0x700 | Int(word & 0xFF)] ^ t[0x600 | Int(word >> 8 & 0xFF)] ^ t[0x500 | Int(word >> 16 & 0xFF)]
                    ^ t[0x400 | Int(word >> 24 & 0xFF)] ^ t[0x300 | Int(word >> 32 & 0xFF)] ^ t[0x200 | Int(word >> 40 & 0xFF)]
                    ^ t[0x100 | Int(word >> 48 & 0xFF)] ^ t[Int(word >> 56)]
                index += 8
            }
            while index < buffer.count {
                crc = t[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
