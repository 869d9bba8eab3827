import RehearseScoring

/// Minimal JSON writing for the hot batch path, where an encoder per line would dominate.
enum JSONText {
    /// `text` as a JSON string literal.
    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal: `"`, `\\`, `\n`, `\r`, `\t` escaped, other
    /// control characters as `\u00xx`, everything else as it is.
    static func quote(_ text: String, into bytes: inout [UInt8]) {
        JSONBytes.appendQuoted(text, to: &bytes, shortControlEscapes: false)
    }

    /// A number with at most one decimal, `72` or `72.5`; `null` for NaN or an infinity, which
    /// JSON cannot hold.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && value.magnitude < 1e15 ? String(value.clampedInt()) : String(value)
    }
}
