import Foundation
import RehearseAPI
import RehearseCore

/// Sessions read back from their transcripts, as the reviewers' routes send them.
enum ReviewWire {
    /// The list's view of `log`.
    static func summary(_ log: SessionLog) -> ReviewSessionSummary {
        summary(SessionSummary(log))
    }

    /// The list's view of a summarised session: the same figures as from its whole log.
    static func summary(_ session: SessionSummary) -> ReviewSessionSummary {
        ReviewSessionSummary(
            id: session.sessionID ?? "", candidate: session.candidate, scenario: session.scenario ?? "?",
            status: session.isFinished ? "ended" : "live", startedAt: session.startTime ?? "", endedAt: session.endTime,
            endReason: session.endReason, questions: session.questions.count, answered: session.answered,
            score: rounded(session.overallScore), reviewedScore: session.reviewedOverall.map(rounded), reviewed: session.reviewedAnswers)
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
