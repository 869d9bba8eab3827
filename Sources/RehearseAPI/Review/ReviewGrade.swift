/// A reviewer's grade of one answer, as a `review` transcript line records it.
public struct ReviewGrade: Codable, Sendable, Equatable, APISchema {
    /// 0–100.
    public var score: Double
    public var note: String?
    public var reviewer: String?
    /// ISO 8601, when it was given.
    public var time: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case score, note, reviewer, time
    }

    public static let schemaName = "ReviewGrade"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a grade.
    public init(score: Double, note: String? = nil, reviewer: String? = nil, time: String) {
        self.score = score
        self.note = note
        self.reviewer = reviewer
        self.time = time
    }
}
