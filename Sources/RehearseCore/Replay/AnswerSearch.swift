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

    /// Characters of context kept before and after the first match in ``Hit/excerpt``.
    static let context = (before: 60, after: 140)

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
                            excerpt: Self.excerpt(of: answer.text, around: first)))
                }
            }
        }
        return hits
    }

    /// `text` cut to ``context`` characters around the UTF-8 offset `offset`.
    static func excerpt(of text: String, around offset: Int) -> String {
        guard text.count > context.before + context.after else { return text }
        let utf8 = text.utf8
        let at = utf8.index(utf8.startIndex, offsetBy: min(max(0, offset), utf8.count))
        let start = text.index(at, offsetBy: -context.before, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(at, offsetBy: context.after, limitedBy: text.endIndex) ?? text.endIndex
        return (start == text.startIndex ? "" : "…") + text[start..<end] + (end == text.endIndex ? "" : "…")
    }
}
