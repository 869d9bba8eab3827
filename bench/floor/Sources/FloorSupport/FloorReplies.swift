/// The floor's replies: as long as the daemon's (a new session 856 bytes, an answer's reply
/// ~1,250, a session's end with its report ~8,960), shaped so bench/sessions.lua finds the
/// session id and token it expects.
public enum FloorReplies {
    public static let created = padded(#"{"id":"00112233445566778899aabbccddeeff","token":"floor-token","#, to: 856)
    public static let answered = padded(#"{"messages":[],"#, to: 1_250)
    public static let ended = padded(#"{"messages":[],"#, to: 8_960)

    /// The reply to `method` on `path`, and whether it creates something; `nil` for any other
    /// route.
    public static func reply(method: String, path: String) -> (bytes: [UInt8], created: Bool)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        switch (method, parts.count) {
        case ("POST", 3) where path == "/v1/sessions": return (created, true)
        case ("POST", 5) where parts[4] == "input": return (answered, false)
        case ("DELETE", 4): return (ended, false)
        default: return nil
        }
    }

    private static func padded(_ start: String, to length: Int) -> [UInt8] {
        Array((start + "\"pad\":\"" + String(repeating: "x", count: max(0, length - start.count - 9)) + "\"}").utf8)
    }
}
