/// The past answers that use every word of a query.
public struct SearchReport: JSONReport, Sendable {
    /// The query as typed.
    public let query: String
    /// The matching answers, newest session first.
    public let hits: [AnswerSearch.Hit]

    /// The answers in `sessions` that `search` finds.
    public init(query: String, search: AnswerSearch, sessions: [SessionLog]) {
        self.query = query
        hits = search.hits(in: sessions)
    }

    /// A JSON array of `{session, started_at, question_id, answer, follow_up, score}`.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for hit in hits {
            var entry = list.nestedContainer(keyedBy: Key.self)
            try entry.encode(hit.session.path, forKey: .session)
            try entry.encodeIfPresent(hit.session.start?.time, forKey: .startedAt)
            try entry.encode(hit.question.id, forKey: .questionID)
            try entry.encode(hit.text, forKey: .answer)
            try entry.encode(hit.isFollowUp, forKey: .followUp)
            try entry.encodeIfPresent(hit.question.finalScore, forKey: .score)
        }
    }

    enum Key: String, CodingKey {
        case session, answer, score
        case startedAt = "started_at"
        case questionID = "question_id"
        case followUp = "follow_up"
    }
}
