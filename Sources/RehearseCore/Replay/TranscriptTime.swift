import Foundation

/// Reads the timestamps transcripts write (`2026-11-25T09:41:07.123Z`).
public enum TranscriptTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The date, or `nil` for anything else.
    public static func parse(_ text: String?) -> Date? {
        guard let text else { return nil }
        return try? style.parse(text)
    }
}
