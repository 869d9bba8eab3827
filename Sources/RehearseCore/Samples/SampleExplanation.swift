import RehearseScoring

/// What graded samples did to a score, in words, for the terminal and the pages.
public enum SampleExplanation {
    /// "Graded answers closest to yours: 90, 85, 40 (they moved the score 62.0 → 66.5).", plus
    /// the accepted answer yours matched better than the reference, if any; `nil` without samples.
    public static func sentence(_ report: ScoreReport) -> String? {
        guard let closest = report.closestSamples else { return nil }
        var parts: [String] = []
        if let sample = report.matchedSample {
            parts.append("Closest accepted answer: \(sample.label) (graded \(DisplayFormat.score(sample.score))).")
        }
        if closest.isEmpty {
            parts.append("No graded answer resembles yours, so the rubric alone scored it.")
        } else {
            var text = "Graded answers closest to yours: " + closest.map { DisplayFormat.score($0.score) }.joined(separator: ", ")
            if let before = report.conceptScore, abs(before - report.score) >= 0.05 {
                text += " (they moved the score \(DisplayFormat.score(before)) → \(DisplayFormat.score(report.score)))"
            }
            parts.append(text + ".")
        }
        return parts.joined(separator: " ")
    }
}
