/// Reads what ``SnapshotWriter`` wrote, checking every length against the bytes left: a cut or
/// scribbled snapshot is an error, never a crash or a huge allocation.
struct SnapshotReader {
    /// A snapshot that does not read back: it is rebuilt from the YAML.
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func unsigned() throws(Corrupt) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Corrupt) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let int = Int(exactly: value) else { throw Corrupt() }
        return int
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() throws(Corrupt) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw Corrupt() }
        return Int(value)
    }

    mutating func double() throws(Corrupt) -> Double {
        guard bytes.count - position >= 8 else { throw Corrupt() }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Corrupt() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws(Corrupt) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(Corrupt) -> [String] { try array { reader throws(Corrupt) in try reader.string() } }
}
