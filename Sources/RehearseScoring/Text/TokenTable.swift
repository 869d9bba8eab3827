/// Analysed tokens by their UTF-8 bytes, looked up from the bytes of the text they stand in:
/// an answer's tokens are found without a `String` being made of each (and hashed again by
/// `String`'s hashing), which was most of the cost of finding them in `[String: …]` caches.
///
/// Keys are compared byte for byte, so two spellings of an accented word (composed and
/// decomposed) are two entries, each with its own surface form. Open addressing with linear
/// probing, at most half full; the hashes come from a seeded `Hasher`, so text sent to the
/// daemon cannot be made to collide on purpose.
struct TokenTable<Value> {
    fileprivate struct Entry {
        let key: String
        let hash: Int
        let value: Value
    }

    private var entries: [Entry] = []
    private var slots = TableSlots()

    /// An empty table.
    init() {}

    /// The hash `bytes` are looked up and stored by.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// How many tokens the table holds.
    var count: Int { entries.count }

    /// Whether the table is empty.
    var isEmpty: Bool { entries.isEmpty }

    /// The value of the token whose bytes are `bytes` (of ``hash(_:)`` `hash`), or `nil`.
    func value(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Value? {
        index(of: bytes, hash: hash).map { entries[$0].value }
    }

    /// Stores `value` for `key` (of ``hash(_:)`` `hash` over its UTF-8), replacing any there.
    mutating func set(_ value: Value, for key: String, hash: Int) {
        var key = key
        if let index = key.withUTF8({ index(of: $0, hash: hash) }) {
            entries[index] = Entry(key: key, hash: hash, value: value)
            return
        }
        entries.append(Entry(key: key, hash: hash, value: value))
        let added = entries
        slots.add(added.count - 1, hash: hash) { added[$0].hash }
    }

    /// Empties the table, keeping its room.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        slots.removeAll()
    }

    private func index(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        slots.find(hash: hash) { entries[$0].hash == hash && Self.sameBytes(entries[$0].key, bytes) }
    }

    private static func sameBytes(_ key: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.utf8.count == bytes.count else { return false }
        return key.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? key.utf8.elementsEqual(bytes)
    }
}

extension TokenTable: Sendable where Value: Sendable {}
extension TokenTable.Entry: Sendable where Value: Sendable {}
