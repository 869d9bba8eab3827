import Foundation

/// Where a page of sessions ends: the start time and id of its last session. Sessions are
/// listed newest first, ties by id, so the next page is every session after this one.
public struct ReviewCursor: Sendable, Equatable {
    /// ISO 8601, as the session's `started_at`.
    public var startedAt: String
    public var id: String

    /// A cursor after the session started at `startedAt` with `id`.
    public init(startedAt: String, id: String) {
        self.startedAt = startedAt
        self.id = id
    }

    /// The cursor `text` names, or `nil` when it is not one.
    public init?(_ text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 512, let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        startedAt = parts[0]
        id = parts[1]
    }

    /// The cursor as `next_cursor` carries it: URL-safe base64, opaque to clients.
    public var text: String {
        Data("\(startedAt) \(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether a session started at `startedAt` with `id` comes after the cursor, newest first.
    public func precedes(startedAt other: String, id otherID: String) -> Bool {
        (other, id) < (startedAt, otherID)
    }
}
