/// One way a concept can be said: the author's text and its analysed words. A struct, not a
/// tuple, for the reason ``WeightedWord`` gives.
struct ConceptTerm: Sendable {
    let text: String
    let words: [PhraseMatcher.Word]
}
