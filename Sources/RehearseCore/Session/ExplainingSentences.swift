import Foundation
import RehearseScoring
import Synchronization

/// Which sentence of a reference answer explains a concept, found once per process: the
/// closing report names it for each missed concept, and a daemon closes many sessions over
/// the same few dozen questions (stemming the sentences was most of the cost of closing).
final class ExplainingSentences: Sendable {
    static let shared = ExplainingSentences()

    // TermSearch holds a stemmer, which is not thread-safe, so each lookup that misses makes
    // its own instead of sharing one under the lock.
    private let found = Mutex<[Key: String]>([:])
    /// The reference answers' words, analysed once for every lookup that misses.
    private static let words = WordCache()

    private struct Key: Hashable {
        let answer: String
        let concept: String
        let terms: [String]

        /// The answer's length and first bytes only: hashing whole reference answers was most
        /// of the cost of a lookup. So answers compare byte for byte, not with `==` (composed
        /// and decomposed accents are `==`, their bytes and so this hash differ).
        func hash(into hasher: inout Hasher) {
            hasher.combine(utf8Start: answer, prefix: 32)
            hasher.combine(concept)
            hasher.combine(terms)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.answer.hasSameUTF8(as: b.answer) && a.concept == b.concept && a.terms == b.terms
        }
    }

    /// The first sentence of `answer` in which one of the concept's terms occurs, cut to about
    /// ``maxLength`` characters around the term; "" when no sentence names the concept (a
    /// sentence about something else would mislead).
    func sentence(explaining concept: Concept, in answer: String) -> String {
        let key = Key(answer: answer, concept: concept.name, terms: concept.terms)
        if let known = found.withLock({ $0[key] }) { return known }
        let search = TermSearch(shared: Self.words)
        let sentences = Self.sentences(of: answer)
        var sentence = ""
        for candidate in sentences {
            let index = search.index(candidate)
            if let span = concept.terms.lazy.compactMap({ search.span(of: $0, in: index) }).first {
                sentence = TextExcerpt.around(candidate, utf8Offset: span.lowerBound, before: Self.maxLength / 3, length: Self.maxLength)
                break
            }
        }
        found.withLock { $0[key] = sentence }
        return sentence
    }

    /// The longest explaining sentence shown, in characters.
    static let maxLength = 160

    static func sentences(of answer: String) -> [String] {
        // Split at each ". " that is a period and a space as characters (not a space carrying
        // an accent), found in the bytes: splitting the characters was most of the cost.
        var sentences: [String] = []
        let utf8 = answer.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            guard utf8[index] == UInt8(ascii: "."), next < utf8.endIndex, utf8[next] == UInt8(ascii: " "),
                String.Index(index, within: answer) != nil, String.Index(next, within: answer) != nil,
                String.Index(utf8.index(after: next), within: answer) != nil
            else {
                index = next
                continue
            }
            if start < index { sentences.append(Self.ended(String(answer[start..<index]))) }
            index = utf8.index(after: next)
            start = index
        }
        if start < utf8.endIndex { sentences.append(Self.ended(String(answer[start...]))) }
        return sentences.isEmpty ? [answer] : sentences
    }

    /// `sentence` with a period at its end.
    private static func ended(_ sentence: String) -> String { sentence.hasSuffix(".") ? sentence : sentence + "." }
}
