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
    private var slots = TableSlots()

    /// An empty table with room for `minimumCapacity` stems before it grows.
    init(minimumCapacity: Int = 0) {
        guard minimumCapacity > 0 else { return }
        entries.reserveCapacity(minimumCapacity)
        slots = TableSlots(capacity: minimumCapacity)
    }

    /// How many stems the table holds.
    var count: Int { entries.count }

    /// Whether the table is empty.
    var isEmpty: Bool { entries.isEmpty }

    /// The index of `stem`'s entry, or `nil`.
    func index(of stem: String, hash: Int) -> Int? {
        slots.find(hash: hash) { entries[$0].hash == hash && entries[$0].stem == stem }
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
        entries.append(Entry(stem: stem, hash: hash, value: value))
        let added = entries
        slots.add(added.count - 1, hash: hash) { added[$0].hash }
        return (entries.count - 1, true)
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
