import Foundation

/// How scores and durations are written for people, the same in every view.
public enum DisplayFormat {
    /// `72` or `72.5`.
    public static func score(_ score: Double) -> String {
        score == score.rounded() ? String(Int(score)) : String(format: "%.1f", score)
    }

    /// `1:05` for 65 seconds.
    public static func minutes(_ seconds: Int) -> String {
        String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    /// `1:05` for 65.3 seconds.
    public static func minutes(_ seconds: Double) -> String {
        minutes(Int(seconds.rounded()))
    }
}
