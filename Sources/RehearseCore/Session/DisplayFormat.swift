import Foundation
import RehearseScoring

/// How scores and durations are written for people, the same in every view. Whatever the
/// number (an edited transcript may hold anything), the text is short and nothing traps.
public enum DisplayFormat {
    /// `72` or `72.5`; `1e+19` for a huge number, `?` for NaN or an infinity.
    public static func score(_ score: Double) -> String {
        guard score.isFinite else { return "?" }
        guard score.magnitude < 1_000_000 else { return String(format: "%.3g", score) }
        return score == score.rounded() ? String(score.clampedInt()) : String(format: "%.1f", score)
    }

    /// `1:05` for 65 seconds, `-0:05` for -5.
    public static func minutes(_ seconds: Int) -> String {
        // The magnitude is a UInt, so even Int.min has one.
        let magnitude = seconds.magnitude
        let rest = magnitude % 60
        return "\(seconds < 0 ? "-" : "")\(magnitude / 60):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `1:05` for 65.3 seconds; `?` for NaN or an infinity.
    public static func minutes(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        return minutes(seconds.clampedInt())
    }
}
