/// A one-line chart of scores 0–100: `▁▃▅█`, or `_.-^` where Unicode is not wanted.
public enum Sparkline {
    static let unicode: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", "-", "~", "^"]

    /// The chart of `scores`.
    public static func render(_ scores: [Double], ascii useASCII: Bool = false) -> String {
        let marks = useASCII ? ascii : unicode
        return String(
            scores.map { score in
                marks[min(marks.count - 1, max(0, Int(score / 100 * Double(marks.count - 1) + 0.5)))]
            })
    }
}
