import Foundation
import RehearseScoring

/// A reviewed answer as a graded sample of its question: the answer's text with the reviewer's
/// latest grade, and when that grade was given.
public struct ReviewedSample: Sendable, Equatable {
    /// The bank id of the question.
    public var questionID: String
    /// Which answer: the session id (or transcript name), the question and the attempt. A
    /// later grade of the same answer replaces the earlier one's sample.
    public var key: String
    public var sample: GradedSample
    /// When the grade was given.
    public var gradedAt: Date

    /// Creates a sample.
    public init(questionID: String, key: String, sample: GradedSample, gradedAt: Date) {
        self.questionID = questionID
        self.key = key
        self.sample = sample
        self.gradedAt = gradedAt
    }

    /// Every grade of `log`'s answers, one sample each, named `review <session> q<number>` in
    /// the scorer's explanations; with `latestOnly`, each answer's latest grade alone.
    public static func all(in log: SessionLog, latestOnly: Bool = false) -> [ReviewedSample] {
        let session = log.start?.sessionID ?? (log.path as NSString).lastPathComponent
        var found: [ReviewedSample] = []
        for question in log.questions {
            for attempt in [1, 2] {
                guard let answer = question.answer(at: attempt) else { continue }
                let reviews = latestOnly ? question.latestReview(of: attempt).map { [$0] } ?? [] : question.reviews(of: attempt)
                let label = "review \(session.prefix(8)) q\(question.number)\(attempt == 2 ? " follow-up" : "")"
                for review in reviews {
                    guard let date = review.date else { continue }
                    found.append(
                        ReviewedSample(
                            questionID: question.id, key: "\(session)/\(question.number)/\(attempt)",
                            sample: GradedSample(answer: answer.text, score: review.score, label: label), gradedAt: date))
                }
            }
        }
        return found
    }
}
