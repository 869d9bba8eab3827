import Foundation

/// A JSON object whose members are all strings, read without `JSONDecoder`: the daemon reads
/// one with every answer (`{"text": …, "input_id": …}`), and decoding it cost more than the
/// reply's encoding. Anything else is `nil`, for the strict decoder to read and explain.
public enum FlatJSON {
    /// The members of `data` in order, if it is valid UTF-8 holding exactly one JSON object
    /// whose values are all strings; `nil` otherwise.
    public static func stringMembers(_ data: Data) -> [(key: String, value: String)]? {
        guard var text = String(validating: data, as: UTF8.self) else { return nil }
        return text.withUTF8 { bytes -> [(key: String, value: String)]? in
            var parser = JSONLineParser(bytes: bytes)
            var members: [(key: String, value: String)] = []
            var allStrings = true
            let parsed = parser.members { key, value in
                if let string = value.string { members.append((key, string)) } else { allStrings = false }
            }
            return parsed && allStrings ? members : nil
        }
    }
}
