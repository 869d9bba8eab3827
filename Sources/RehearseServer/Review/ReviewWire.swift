import Foundation
import RehearseAPI
import RehearseCore

/// Sessions read back from their transcripts, as the reviewers' routes send them.
enum ReviewWire {
    /// The list's view of `log`.
    static func summary(_ log: SessionLog) -> ReviewSessionSummary {
        ReviewSessionSummary(
            id: log.start?.sessionID ?? "", candidate: log.candidate, scenario: log.scenario, status: log.end == nil ? "live" : "ended",
            startedAt: log.start?.time ?? "", endedAt: log.end?.time, endReason: log.end?.reason, questions: log.questions.count,
            answered: log.answered, score: rounded(log.overall), reviewedScore: log.reviewedOverall.map(rounded),
            reviewed: log.reviewedAnswers)
    }

    /// The whole dialogue of `log`.
    static func detail(_ log: SessionLog) -> ReviewSessionDetail {
        ReviewSessionDetail(
            session: summary(log), transcript: (log.path as NSString).lastPathComponent, questions: log.questions.map(question))
    }

    private static func question(_ question: ReplayedQuestion) -> ReviewQuestion {
        ReviewQuestion(
            questionID: question.id, number: question.number, prompt: question.prompt, topic: question.topic,
            difficulty: question.difficulty, skipped: question.skipped, hints: question.hints, followUp: question.followUp,
            score: question.finalScore.map(rounded), reviewedScore: question.reviewedScore,
            attempts: [1, 2].compactMap { attempt(of: question, $0) })
    }

    private static func attempt(of question: ReplayedQuestion, _ number: Int) -> ReviewAttempt? {
        guard let answer = question.answer(at: number) else { return nil }
        let line = number == 2 ? question.followUpScore : question.score
        return ReviewAttempt(
            attempt: number, asked: number == 2 ? question.followUp ?? "" : question.prompt, answer: answer.text,
            score: line?.finalScore.map(rounded), band: line?.band, matched: line?.matched ?? [], missed: line?.missed ?? [],
            feedback: line?.feedback, overtime: answer.overtime,
            reviews: question.reviews(of: number).map { ReviewGrade(score: $0.score, note: $0.note, reviewer: $0.reviewer, time: $0.time) })
    }

    /// One decimal, as every other view shows scores.
    static func rounded(_ score: Double) -> Double { (score * 10).rounded() / 10 }
}
