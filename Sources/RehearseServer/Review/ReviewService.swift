import Foundation
import RehearseAPI
import RehearseCore

/// What the reviewers' routes do, over whichever store holds the sessions: list and open
/// sessions, record a grade (and learn from it), export every answer as CSV.
struct ReviewService: Sendable {
    let store: any SessionStore
    let learned: LearnedSamples?
    let clock: any SessionClock

    /// A page of the sessions `query` asks for, newest first.
    func list(_ query: ReviewQuery) async throws(ServerError) -> ReviewSessionList {
        // One more than the page, to know whether there is a next one.
        var summaries = try await store.reviewSummaries(query.filter, after: query.cursor, limit: query.limit + 1)
            .filter(query.filter.matches).map(ReviewWire.summary)
        summaries.sort { ($1.startedAt, $0.id) < ($0.startedAt, $1.id) }
        if let cursor = query.cursor { summaries.removeAll { !cursor.precedes(startedAt: $0.startedAt, id: $0.id) } }
        let page = Array(summaries.prefix(query.limit))
        let next = summaries.count > page.count ? page.last.map { ReviewCursor(startedAt: $0.startedAt, id: $0.id).text } : nil
        return ReviewSessionList(sessions: page, nextCursor: next)
    }

    /// Session `id`, whole.
    func detail(_ id: String) async throws(ServerError) -> ReviewSessionDetail {
        ReviewWire.detail(try await store.reviewLog(session: id))
    }

    /// Records `request` as a `review` line of session `id`, durable before this returns.
    func grade(_ request: GradeRequest, session id: String) async throws(ServerError) -> GradeCreated {
        var log = try await store.reviewLog(session: id)
        guard let index = log.questions.lastIndex(where: { $0.id == request.questionID }) else {
            let asked = log.questions.map(\.id)
            throw .badRequest(
                "field \"question_id\": session \(id.prefix(8)) did not ask \"\(request.questionID.prefix(80))\" \(Suggestion.hint(for: request.questionID, among: asked))"
            )
        }
        let question = log.questions[index]
        guard question.answer(at: request.attempt) != nil else {
            throw .badRequest(
                request.attempt == 2
                    ? "field \"attempt\": question \"\(question.id)\" has no answer to a follow-up (grade attempt 1)"
                    : "field \"question_id\": question \"\(question.id)\" was not answered, so there is nothing to grade")
        }
        let record = AnswerReview.record(
            questionID: question.id, attempt: request.attempt, score: request.score, scorerScore: question.scorerScore(at: request.attempt),
            note: request.note, reviewer: request.reviewer, at: clock.now())
        try await store.appendReview(record, session: id)
        if let review = AnswerReview(record) { log.questions[index].reviews.append(review) }
        learned?.learn(ReviewedSample.all(in: log).filter { $0.questionID == question.id })
        return GradeCreated(
            sessionID: id, questionID: question.id, attempt: request.attempt,
            grade: ReviewGrade(score: request.score, note: request.note, reviewer: request.reviewer, time: record.time),
            reviewedScore: ReviewWire.rounded(log.reviewedOverall ?? log.overall), reviewed: log.reviewedAnswers)
    }

    /// Every answer of the sessions `filter` passes, newest session first, as CSV.
    func csv(_ filter: ReviewFilter) async throws(ServerError) -> String {
        let logs = try await store.reviewLogs(filter, after: nil, limit: nil).filter(filter.matches)
        return ReviewCSV.text(logs.sorted { ($1.start?.time ?? "", $0.start?.sessionID ?? "") < ($0.start?.time ?? "", $1.start?.sessionID ?? "") })
    }
}
