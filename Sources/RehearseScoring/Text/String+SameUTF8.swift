import Foundation

extension String {
    /// Whether `other` has exactly the same UTF-8 bytes. Not `==`, which takes composed and
    /// decomposed accents as equal: for keys and fingerprints made from the bytes. Copies of
    /// one string share their storage, so the common case is one address compare.
    public func hasSameUTF8(as other: String) -> Bool {
        let (x, y) = (utf8, other.utf8)
        guard x.count == y.count else { return false }
        let compared = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in
                p.baseAddress == q.baseAddress || p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0
            }
        }
        if let compared, let compared { return compared }
        return x.elementsEqual(y)
    }
}
