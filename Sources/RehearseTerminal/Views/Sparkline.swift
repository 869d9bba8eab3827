import RehearseScoring

/// A one-line chart of scores 0–100: `▁▃▅█`, or `_.-^` where Unicode is not wanted. One mark per
/// score; a score below 0 (or NaN) gets the lowest mark, one above 100 the highest.
public enum Sparkline {
    static let unicode: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", "-", "~", "^"]

    /// The chart of `scores`.
    public static func render(_ scores: [Double], ascii useASCII: Bool = false) -> String {
        let marks = useASCII ? ascii : unicode
        return String(
            scores.map { score in
                marks[(score / 100 * Double(marks.count - 1)).clampedInt(in: 0...marks.count - 1)]
            })
    }
}
