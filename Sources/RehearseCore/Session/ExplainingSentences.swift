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

    private struct Key: Hashable {
        let answer: String
        let concept: String
        let terms: [String]
    }

    /// The first sentence of `answer` in which one of the concept's terms occurs, else the first one.
    func sentence(explaining concept: Concept, in answer: String) -> String {
        let key = Key(answer: answer, concept: concept.name, terms: concept.terms)
        if let known = found.withLock({ $0[key] }) { return known }
        let search = TermSearch()
        let sentences = Self.sentences(of: answer)
        let sentence =
            sentences.first { sentence in
                let index = search.index(sentence)
                return concept.terms.contains { search.occurs($0, in: index) }
            } ?? sentences.first ?? answer
        found.withLock { $0[key] = sentence }
        return sentence
    }

    static func sentences(of answer: String) -> [String] {
        let sentences = answer.split(separator: ". ").map { $0.hasSuffix(".") ? String($0) : $0 + "." }
        return sentences.isEmpty ? [answer] : sentences
    }
}
