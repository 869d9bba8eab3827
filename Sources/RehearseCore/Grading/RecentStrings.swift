import Foundation

/// The last few long strings a parser made, so that a string met again is shared instead of
/// copied: a batch file repeats each question's prompt and reference on every one of its lines,
/// and sharing them saves the copies and makes later comparisons of them by identity.
struct RecentStrings {
    /// Shorter strings are stored inline, with nothing to share.
    static let minimumLength = 16
    private static let capacity = 8
    private var strings: [String] = []
    private var next = 0

    /// An empty set.
    init() {}

    /// `bytes` (valid UTF-8) as a string: a recent equal one, or a new one remembered.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= Self.minimumLength else { return String(decoding: bytes, as: UTF8.self) }
        for index in strings.indices where strings[index].utf8.count == bytes.count {
            let same = strings[index].utf8.withContiguousStorageIfAvailable { known in
                memcmp(known.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }
            if same == true { return strings[index] }
        }
        let made = String(decoding: bytes, as: UTF8.self)
        if strings.count < Self.capacity {
            strings.append(made)
        } else {
            strings[next] = made
            next = (next + 1) % Self.capacity
        }
        return made
    }
}
