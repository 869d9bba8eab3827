import Testing

@testable import RehearseCore

/// Reference answers are cut into sentences at each period and space, as splitting the
/// characters at ". " always cut them (accents on the space, or on the period, included).
@Test func sentencesAreCutAsSplittingTheCharactersCutsThem() {
    func characters(_ answer: String) -> [String] {
        let sentences = answer.split(separator: ". ").map { $0.hasSuffix(".") ? String($0) : $0 + "." }
        return sentences.isEmpty ? [answer] : sentences
    }
    var generator = SystemRandomNumberGenerator()
    let pieces = [".", " ", "a", "Bc", "\u{301}", "é", "..", ". ", "李", "\n"]
    var answers = ["", ".", ". ", "One. Two.", "Wait.. Next", "A. \u{301}B. C", "Trailing. ", "x.\u{301} y. z"]
    for _ in 0..<3_000 {
        answers.append((0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
    for answer in answers {
        #expect(ExplainingSentences.sentences(of: answer) == characters(answer), "\(answer.debugDescription)")
    }
}
