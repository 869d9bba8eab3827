import RehearseScoring

/// Finds past answers that contain every word of a query, compared by stem as the scorer does.
public struct AnswerSearch {
    /// One answer that matched.
    public struct Hit: Sendable {
        /// The session it is from.
        public let session: SessionLog
        /// The question it answered.
        public let question: ReplayedQuestion
        /// The answer's text.
        public let text: String
        /// Whether it answered the follow-up.
        public let isFollowUp: Bool
        /// The part of the answer around the first word that matched, with `…` where it was
        /// cut; the whole answer when it is short.
        public let excerpt: String
    }

    /// Characters kept before the first match in ``Hit/excerpt``, and in all.
    static let context = (before: 60, length: 200)

    private let search: TermSearch
    private let words: [String]

    /// Creates a search for `query`; `nil` if the query has no word that can match.
    public init?(_ query: String) {
        let search = TermSearch()
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init).filter { !search.stems($0).isEmpty }
        guard !words.isEmpty else { return nil }
        self.search = search
        self.words = words
    }

    /// Matching answers in `sessions`, in the order given.
    public func hits(in sessions: [SessionLog]) -> [Hit] {
        var hits: [Hit] = []
        for session in sessions {
            for question in session.questions {
                for (answer, followUp) in [(question.answer, false), (question.followUpAnswer, true)] {
                    guard let answer else { continue }
                    let index = search.index(answer.text)
                    let spans = words.map { search.span(of: $0, in: index) }
                    guard spans.allSatisfy({ $0 != nil }) else { continue }
                    let first = spans.compactMap { $0?.lowerBound }.min() ?? 0
                    hits.append(
                        Hit(
                            session: session, question: question, text: answer.text, isFollowUp: followUp,
                            excerpt: TextExcerpt.around(answer.text, utf8Offset: first, before: Self.context.before, length: Self.context.length)))
                }
            }
        }
        return hits
    }
}
