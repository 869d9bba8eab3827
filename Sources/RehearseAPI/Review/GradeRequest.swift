/// The body of `POST /v1/review/sessions/{id}/grades`: a reviewer's grade of one answer.
public struct GradeRequest: Codable, Sendable, Equatable, APISchema {
    /// The bank id of the question answered.
    public var questionID: String
    /// 0–100.
    public var score: Double
    /// Why, in the reviewer's words (up to 2,000 characters).
    public var note: String?
    /// Who graded (a display name, like a candidate's).
    public var reviewer: String?
    /// 1 grades the first answer, 2 the answer to the follow-up; 1 when absent.
    public var attempt: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case score, note, reviewer, attempt
        case questionID = "question_id"
    }

    public static let schemaName = "Grade"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Creates a grade request.
    public init(questionID: String, score: Double, note: String? = nil, reviewer: String? = nil, attempt: Int = 1) {
        self.questionID = questionID
        self.score = score
        self.note = note
        self.reviewer = reviewer
        self.attempt = attempt
    }

    public init(from decoder: any Decoder) throws {
        try StrictJSON.rejectUnknownFields(in: decoder, known: Self.fieldNames)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        questionID = try container.decode(String.self, forKey: .questionID)
        guard !questionID.isEmpty, questionID.count <= 200 else {
            throw APIError.badRequest("field \"question_id\" must be a question id of the session (1 to 200 characters)")
        }
        guard let score = try? container.decode(Double.self, forKey: .score) else {
            guard container.contains(.score) else { throw APIError.badRequest("field \"score\" is required (a number from 0 to 100)") }
            throw APIError.badRequest("field \"score\" must be a number from 0 to 100")
        }
        guard score.isFinite, (0...100).contains(score) else {
            let shown = score.isFinite && abs(score) < 1e15 && score == score.rounded() ? String(Int(score)) : String(score)
            throw APIError.badRequest("field \"score\" must be a number from 0 to 100, got \(shown)")
        }
        self.score = score
        note = try container.decodeIfPresent(String.self, forKey: .note).flatMap { text in
            switch ReviewNote.validated(text) {
            case .success(let note): note
            case .failure(let error): throw error
            }
        }
        reviewer = try container.decodeIfPresent(String.self, forKey: .reviewer).map { text in
            switch CandidateName.validated(text, field: "field \"reviewer\"") {
            case .success(let name): name
            case .failure(let error): throw error
            }
        }
        attempt = 1
        if container.contains(.attempt), try !container.decodeNil(forKey: .attempt) {
            guard let value = try? container.decode(Int.self, forKey: .attempt), value == 1 || value == 2 else {
                throw APIError.badRequest("field \"attempt\" must be 1 (the first answer) or 2 (the answer to the follow-up)")
            }
            attempt = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(questionID, forKey: .questionID)
        try container.encode(score, forKey: .score)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(reviewer, forKey: .reviewer)
        try container.encode(attempt, forKey: .attempt)
    }
}
