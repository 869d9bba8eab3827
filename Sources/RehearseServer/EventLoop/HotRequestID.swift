import Synchronization

/// Request ids for the hot routes, written as Hummingbird's `RequestID` writes the router's: a
/// random hexadecimal prefix fixed for the process, then a counter as 16 hexadecimal digits.
/// Its own prefix and counter (Hummingbird's are private), in one allocation: formatting
/// `RequestID` cost three strings per request.
enum HotRequestID {
    private static let prefix = Array(String(UInt64.random(in: .min ... .max), radix: 16).utf8)
    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))

    /// The next id.
    static func next() -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return String(unsafeUninitializedCapacity: prefix.count + 16) { text in
            _ = text.initialize(from: prefix)
            let digits: StaticString = "0123456789abcdef"
            for position in 0..<16 {
                text[prefix.count + position] = digits.utf8Start[Int(value >> UInt64(60 - 4 * position) & 0xF)]
            }
            return prefix.count + 16
        }
    }
}
