import Foundation

extension String {
    /// Whether `other` has exactly the same UTF-8 bytes. Not `==`, which takes composed and
    /// decomposed accents as equal: for keys and fingerprints made from the bytes. Copies of
    /// one string share their storage, so the common case is one address compare.
    public func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // `withUTF8` gives small strings (most ids, names and terms) their bytes on the stack;
        // through the view they had no contiguous storage and were compared a byte at a time.
        var (x, y) = (self, other)
        return x.withUTF8 { p in
            y.withUTF8 { q in p.baseAddress == q.baseAddress || p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
    }
}

extension Hasher {
    /// Feeds `text`'s UTF-8 length and first `prefix` bytes: a hash for keys whose equality
    /// is ``Swift/String/hasSameUTF8(as:)``, cheaper than hashing long texts whole.
    public mutating func combine(utf8Start text: String, prefix: Int) {
        let utf8 = text.utf8
        combine(utf8.count)
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(prefix))))
        }
        // The same bytes the same way for a string not stored as UTF-8.
        if hashed == nil { Array(utf8.prefix(prefix)).withUnsafeBytes { combine(bytes: $0) } }
    }
}
