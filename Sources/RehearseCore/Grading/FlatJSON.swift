import Foundation

/// A JSON object whose members are all strings, numbers, `true`, `false` or `null`, read
/// without `JSONDecoder`: the daemon reads one with every answer (`{"text": …, "input_id": …}`)
/// and every new session (`{"count": 6, "follow_up": false}`), and decoding them cost more
/// than the replies' encoding. Anything else is `nil`, for the strict decoder to read and
/// explain.
public enum FlatJSON {
    /// A member's value.
    public enum Scalar: Sendable, Equatable {
        case string(String)
        /// A number, however written (`6`, `6.0` and `60e-1` alike).
        case number(Double)
        case bool(Bool)
        case null
    }

    /// The members of `bytes` (read in place, such as a request body still in the connection's
    /// buffer) in order, if they are valid UTF-8 holding exactly one JSON object whose values
    /// are all strings; `nil` otherwise.
    public static func stringMembers(bytes: UnsafeRawBufferPointer) -> [(key: String, value: String)]? {
        guard let members = scalarMembers(bytes: bytes) else { return nil }
        var strings: [(key: String, value: String)] = []
        strings.reserveCapacity(members.count)
        for (key, value) in members {
            guard case .string(let string) = value else { return nil }
            strings.append((key, string))
        }
        return strings
    }

    /// The members of `data` in order, if it is valid UTF-8 holding exactly one JSON object
    /// whose values are all scalars; `nil` otherwise.
    public static func scalarMembers(_ data: Data) -> [(key: String, value: Scalar)]? {
        data.withUnsafeBytes { scalarMembers(bytes: $0) }
    }

    /// ``scalarMembers(_:)`` of bytes read in place.
    public static func scalarMembers(bytes: UnsafeRawBufferPointer) -> [(key: String, value: Scalar)]? {
        // Validated from a buffer: through `Data`'s generic sequence it went byte by byte, a
        // fifth of reading an answer's body.
        guard var text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else { return nil }
        return text.withUTF8 { bytes -> [(key: String, value: Scalar)]? in
            var parser = JSONLineParser(bytes: bytes)
            var members: [(key: String, value: Scalar)] = []
            var allScalars = true
            let parsed = parser.members { key, value in
                switch value {
                case .string(let string): members.append((key, .string(string)))
                case .number(let number): members.append((key, .number(number)))
                case .bool(let flag): members.append((key, .bool(flag)))
                case .null: members.append((key, .null))
                case .array, .object: allScalars = false
                }
            }
            return parsed && allScalars ? members : nil
        }
    }
}
