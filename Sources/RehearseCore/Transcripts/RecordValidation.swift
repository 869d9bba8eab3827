/// The numbers a transcript line may hold: those rehearse itself could have written, with some
/// slack. A line outside them was edited (or damaged), and readers skip it with a warning
/// instead of letting one figure like `"final_score": 1e19` crash every command that reads the
/// folder. Checked by ``TranscriptReader`` on every line it decodes.
public enum RecordValidation {
    /// Scores (`score`, `final_score`, `overall`): the scorer's 0–100, hint caps and follow-ups
    /// included, give or take ``scoreSlack`` for float error.
    public static let scores: ClosedRange<Double> = 0...100
    /// How far past ``scores`` a score may stray and still be read.
    public static let scoreSlack = 0.001
    /// Seconds (`elapsed_seconds`, `duration_seconds`, the `time_limit` option): up to ten years.
    /// Down to minus a day, because they are wall-clock differences and the clock may be set
    /// back during a session; a slightly negative time is odd, not harmful.
    public static let seconds: ClosedRange<Double> = -86_400...315_576_000
    /// Counts (`number`, `hints_used`, `answered`, `skipped`, the `count` option).
    public static let counts: ClosedRange<Int> = 0...100_000
    /// UTF-8 offsets of a match's `span`: up to a gigabyte of answer.
    public static let offsets: ClosedRange<Int> = 0...1_000_000_000
    /// A missed concept's `weight`: any finite, non-negative number (banks set no upper limit).
    public static let weights: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude
    /// The `hint_penalty` option: points per hint, as the configuration allows.
    public static let hintPenalty: ClosedRange<Int> = 0...100
    /// The `time_limit` option, in whole seconds: up to ten years, as ``seconds``.
    public static let timeLimit: ClosedRange<Int> = 0...315_576_000

    /// The first number of `record` out of range, as `"field": value` for a warning
    /// (`"final_score": 1e+19`), or `nil` when every number is in range. `schema` is not
    /// checked here: a bad schema refuses the whole file (``TranscriptReader`` does that).
    public static func problem(in record: TranscriptRecord) -> String? {
        let scoreRange = (scores.lowerBound - scoreSlack)...(scores.upperBound + scoreSlack)
        let doubles: [(String, Double?, ClosedRange<Double>)] = [
            ("score", record.score, scoreRange), ("final_score", record.finalScore, scoreRange), ("overall", record.overall, scoreRange),
            ("concept_score", record.conceptScore, scoreRange), ("scorer_score", record.scorerScore, scoreRange),
            ("elapsed_seconds", record.elapsedSeconds, seconds), ("duration_seconds", record.durationSeconds, seconds),
        ]
        for (name, value, range) in doubles {
            if let value, !(value.isFinite && range.contains(value)) { return field(name, "\(value)") }
        }
        let ints: [(String, Int?)] = [
            ("number", record.number), ("hints_used", record.hintsUsed), ("answered", record.answered), ("skipped", record.skipped),
            ("attempt", record.attempt),
        ]
        for (name, value) in ints {
            if let value, !counts.contains(value) { return field(name, "\(value)") }
        }
        for match in record.matched ?? [] {
            if let offset = match.span.first(where: { !offsets.contains($0) }) { return field("span", "\(offset)") }
        }
        if let relevance = record.relevance, !(relevance.isFinite && (0...1).contains(relevance)) { return field("relevance", "\(relevance)") }
        for sample in (record.closestSamples ?? []) + (record.matchedSample.map { [$0] } ?? []) {
            for score in [sample.score, sample.scored ?? 0] where !(score.isFinite && scoreRange.contains(score)) {
                return field("closest_samples.score", "\(score)")
            }
            if !(sample.similarity.isFinite && (0...1).contains(sample.similarity)) {
                return field("closest_samples.similarity", "\(sample.similarity)")
            }
        }
        for missed in record.missed ?? [] where !(missed.weight.isFinite && weights.contains(missed.weight)) {
            return field("weight", "\(missed.weight)")
        }
        return optionProblem(record.options ?? [:])
    }

    /// The numeric options of a `session_start` line are strings; one that reads as a whole
    /// number (as resuming a session reads it) must be in range too.
    private static func optionProblem(_ options: [String: String]) -> String? {
        let limits: [(String, ClosedRange<Int>)] = [
            ("count", counts), ("hint_penalty", hintPenalty), ("time_limit", timeLimit),
        ]
        for (name, range) in limits {
            if let text = options[name], let value = Int(text), !range.contains(value) { return field("options.\(name)", "\"\(text)\"") }
        }
        return nil
    }

    private static func field(_ name: String, _ value: String) -> String {
        "\"\(name)\": \(value)"
    }
}
