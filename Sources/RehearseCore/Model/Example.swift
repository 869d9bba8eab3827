/// A sample answer with the grade it should get, so a bank can be tested like code.
public struct Example: Sendable, Hashable {
    /// The sample answer.
    public var answer: String
    /// The band or score range the scorer should give it.
    public var expect: ExampleExpectation
    /// The grade a person gave it (0–100), when the author knows it exactly.
    public var score: Int?

    /// Creates an example.
    public init(answer: String, expect: ExampleExpectation, score: Int? = nil) {
        self.answer = answer
        self.expect = expect
        self.score = score
    }

    /// Whether its author expects a strong answer (the strong band, or a range inside it).
    public var isStrong: Bool {
        switch expect {
        case .band(let band): band == .strong
        case .range(let range): range.lowerBound >= 70
        }
    }

    /// The grade it counts with as a graded sample: `score`, else the middle of its range, or
    /// of its band (strong 85, partial 55, weak 20, the middle of the default bands).
    public var grade: Double {
        if let score { return Double(score) }
        switch expect {
        case .band(.strong): return 85
        case .band(.partial): return 55
        case .band(.weak): return 20
        case .range(let range): return Double(range.lowerBound + range.upperBound) / 2
        }
    }
}
