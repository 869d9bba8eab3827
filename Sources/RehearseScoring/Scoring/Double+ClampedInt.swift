extension Double {
    /// This value as an `Int` that never traps: rounded by `rule`, then clamped to `range`.
    ///
    /// `Int(_:)` traps on NaN, on infinities and on anything beyond ±9.2e18, and a transcript is
    /// a file anyone can edit; every conversion of a score, a duration or a rate goes through
    /// here. NaN becomes 0 (or the bound of `range` nearest to 0); values beyond `range` become
    /// its bounds. `(-1e9).clampedInt(in: 0...10)` is 0, `Double.infinity.clampedInt()` is
    /// `Int.max`, `72.5.clampedInt()` is 73.
    ///
    /// - Parameters:
    ///   - range: the result's bounds; all of `Int` by default.
    ///   - rule: how to round first; the schoolbook rule (half away from zero) by default.
    public func clampedInt(
        in range: ClosedRange<Int> = Int.min...Int.max, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> Int {
        guard !isNaN else { return Swift.min(Swift.max(0, range.lowerBound), range.upperBound) }
        let whole = rounded(rule)
        // Double(bound) is the double nearest the bound, so whatever lies strictly between the
        // two doubles is an exact Int within the range (and within Int: |whole| < 2^63).
        if whole <= Double(range.lowerBound) { return range.lowerBound }
        if whole >= Double(range.upperBound) { return range.upperBound }
        return Swift.min(Swift.max(Int(whole), range.lowerBound), range.upperBound)
    }
}
