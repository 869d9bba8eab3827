import Foundation

/// What score a sample answer should get: a band, or an inclusive score range.
public enum ExampleExpectation: Sendable, Hashable {
    /// The answer should land in this band.
    case band(Band)
    /// The score (0–100) should lie in this range.
    case range(ClosedRange<Int>)

    /// The form authors write: `strong`, or `60-80`.
    public var text: String {
        switch self {
        case .band(let band): band.rawValue
        case .range(let range): "\(range.lowerBound)-\(range.upperBound)"
        }
    }

    /// Parses `strong`, `partial`, `weak` or `LOW-HIGH` (0 ≤ LOW ≤ HIGH ≤ 100).
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let band = Band(rawValue: trimmed) {
            self = .band(band)
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], 0 <= low, low <= high, high <= 100
        else { return nil }
        self = .range(low...high)
    }
}
