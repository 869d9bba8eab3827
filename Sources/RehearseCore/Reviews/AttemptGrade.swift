/// A reviewer's grade of one answer, as much as it takes to tell which grade counts: read from
/// a transcript (``AnswerReview``) or from the summary index (``SessionSummary/Review``).
public protocol AttemptGrade {
    /// 1 for a first answer, 2 for the answer to a follow-up.
    var attempt: Int { get }
    /// 0–100.
    var score: Double { get }
}

extension AnswerReview: AttemptGrade {}
extension SessionSummary.Review: AttemptGrade {}

extension Array where Element: AttemptGrade {
    /// The grade that counts for a question whose grades these are, oldest first: the latest of
    /// its follow-up answer if that has one, else of its first answer; `nil` with none.
    public var countedScore: Double? {
        (last { $0.attempt == 2 } ?? last { $0.attempt != 2 })?.score
    }

    /// How many of the question's answers (first, follow-up) have a grade.
    public var gradedAnswers: Int {
        (contains { $0.attempt != 2 } ? 1 : 0) + (contains { $0.attempt == 2 } ? 1 : 0)
    }
}
