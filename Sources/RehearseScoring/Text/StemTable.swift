/// Stems mapped to values, looked up by the hash each ``AnalyzedWord`` carries
/// (``AnalyzedWord/hash(ofStem:)``, computed once when a word is first analysed). Scoring one answer
/// looked stems up some 150 times in `[String: …]` tables, and hashing the string again each
/// time was a tenth of the daemon's instructions; here a lookup is a mask and a compare.
///
/// Entries keep the order they were added in and are addressed by that index too. Open
/// addressing with linear probing, at most half full: the hashes come from a seeded `Hasher`,
/// so text sent to the daemon cannot be made to collide on purpose.
struct StemTable<Value> {
    /// One stem, its hash and its value.
    struct Entry {
        let stem: String
        let hash: Int
        var value: Value
    }

    /// In the order added.
    private(set) var entries: [Entry] = []
    /// Entry index + 1 for each slot, 0 when empty; a power of two long (or empty).
    private var slots: [Int] = []

    /// An empty table with room for `minimumCapacity` stems before it grows.
    init(minimumCapacity: Int = 0) {
        guard minimumCapacity > 0 else { return }
        entries.reserveCapacity(minimumCapacity)
        slots = Array(repeating: 0, count: Self.slotCount(for: minimumCapacity))
    }

    /// How many stems the table holds.
    var count: Int { entries.count }

    /// Whether the table is empty.
    var isEmpty: Bool { entries.isEmpty }

    /// The index of `stem`'s entry, or `nil`.
    func index(of stem: String, hash: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let found = slots[slot] - 1
            if found < 0 { return nil }
            if entries[found].hash == hash, entries[found].stem == stem { return found }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `stem` is in the table.
    func contains(_ stem: String, hash: Int) -> Bool { index(of: stem, hash: hash) != nil }

    /// `stem`'s value, or `nil`.
    func value(of stem: String, hash: Int) -> Value? {
        index(of: stem, hash: hash).map { entries[$0].value }
    }

    /// The value at an entry index.
    subscript(index: Int) -> Value {
        get { entries[index].value }
        set { entries[index].value = newValue }
    }

    /// Adds `stem` with `value` unless it is there; returns its entry index and whether it was
    /// added (a stem already there keeps its value).
    @discardableResult
    mutating func insert(_ stem: String, hash: Int, value: Value) -> (index: Int, inserted: Bool) {
        if let index = index(of: stem, hash: hash) { return (index, false) }
        if (entries.count + 1) * 2 > slots.count { grow(to: Self.slotCount(for: entries.count + 1)) }
        entries.append(Entry(stem: stem, hash: hash, value: value))
        place(entries.count - 1)
        return (entries.count - 1, true)
    }

    /// A power of two at least twice `count`, and at least 8.
    private static func slotCount(for count: Int) -> Int {
        var slots = 8
        while slots < count * 2 { slots *= 2 }
        return slots
    }

    private mutating func grow(to count: Int) {
        slots = Array(repeating: 0, count: count)
        for index in entries.indices { place(index) }
    }

    /// Puts the entry at `index` in the first free slot from its hash on.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = entries[index].hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = index + 1
    }
}

extension StemTable: Sendable where Value: Sendable {}
extension StemTable.Entry: Sendable where Value: Sendable {}

extension StemTable where Value == Void {
    /// A set of `stems`.
    init(stems: some Sequence<(stem: String, hash: Int)>) {
        self.init()
        for (stem, hash) in stems { insert(stem, hash: hash, value: ()) }
    }

    /// Adds `stem`; whether it was not there yet.
    @discardableResult
    mutating func insert(_ stem: String, hash: Int) -> Bool { insert(stem, hash: hash, value: ()).inserted }
}
