/// The slots of an open-addressing table whose entries live in an array of their own, in the
/// order added (``StemTable``, ``TokenTable``): linear probing, at most half full, each slot
/// holding an entry's index + 1 (0 when empty), a power of two of them.
struct TableSlots: Sendable {
    private var slots: [Int] = []

    /// Slots for `capacity` entries before they must grow; none for 0.
    init(capacity: Int = 0) {
        guard capacity > 0 else { return }
        slots = Array(repeating: 0, count: Self.slotCount(for: capacity))
    }

    /// The first entry from `hash`'s slot on for which `matches` holds, or `nil` once an empty
    /// slot is reached.
    @inline(__always)
    func find(hash: Int, _ matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let found = slots[slot] - 1
            if found < 0 { return nil }
            if matches(found) { return found }
            slot = (slot + 1) & mask
        }
    }

    /// Places entry `index` (of hash `hash`), the table's `index + 1`-th; the slots grow first
    /// if that would make them more than half full, placing again the earlier entries, whose
    /// hashes `hashOf` gives.
    mutating func add(_ index: Int, hash: Int, hashOf: (Int) -> Int) {
        if (index + 1) * 2 > slots.count {
            slots = Array(repeating: 0, count: Self.slotCount(for: index + 1))
            for earlier in 0..<index { place(earlier, hash: hashOf(earlier)) }
        }
        place(index, hash: hash)
    }

    /// Empties every slot, keeping their number.
    mutating func removeAll() {
        for slot in slots.indices { slots[slot] = 0 }
    }

    /// Puts entry `index` in the first free slot from its hash on.
    private mutating func place(_ index: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = index + 1
    }

    /// A power of two at least twice `count`, and at least 8.
    private static func slotCount(for count: Int) -> Int {
        var slots = 8
        while slots < count * 2 { slots *= 2 }
        return slots
    }
}
