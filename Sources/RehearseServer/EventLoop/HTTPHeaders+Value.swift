import NIOHTTP1

extension HTTPHeaders {
    /// The value of the field `name` (any case) as Hummingbird's router reads it, after the
    /// conversion to Swift HTTP Types, whose subscript joins fields of the same name with
    /// commas: so a request with two `Authorization` fields gets the same answer here as there.
    /// (`Cookie`, which it joins with "; ", is not a field read this way.)
    func value(of name: String) -> String? {
        // One pass without an array: NIO's subscript built one for every read, for one value.
        var found: String?
        for (field, value) in self where Self.sameName(field, name) {
            found = found.map { $0 + ", " + value } ?? value
        }
        return found
    }

    /// Whether two field names are the same, ASCII letters in any case (as HTTP compares them).
    private static func sameName(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // In place: zipping the two views was not specialized, and cost more than NIO's array.
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.indices.allSatisfy { sameByte(x[$0], y[$0]) } }
        }
        return (same ?? nil) ?? zip(a.utf8, b.utf8).allSatisfy(sameByte)
    }

    /// The same byte, or the same ASCII letter in another case.
    private static func sameByte(_ x: UInt8, _ y: UInt8) -> Bool {
        x == y || (x | 0x20 == y | 0x20 && (x | 0x20) &- 0x61 < 26)
    }
}
