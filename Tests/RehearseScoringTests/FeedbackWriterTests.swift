import Testing

@testable import RehearseScoring

/// The feedback sentence, appended piece by piece, says what it always said.
@Suite struct FeedbackWriterTests {
    /// The sentence as it was first written: lists joined, then interpolated.
    static func interpolated(matched: [String], missed: [String]) -> String {
        func list(_ items: [String], _ conjunction: String) -> String {
            guard let last = items.last else { return "" }
            let rest = items.dropLast()
            return rest.isEmpty ? last : rest.joined(separator: ", ") + " \(conjunction) " + last
        }
        let said = list(Array(matched.prefix(3)), "and")
        let unsaid = list(Array(missed.prefix(2)), "or")
        switch (matched.isEmpty, missed.isEmpty) {
        case (true, true): return "no answer"
        case (false, true): return "You covered the key points: \(said)."
        case (true, false): return "You didn't mention \(unsaid) — start there."
        case (false, false): return "You explained \(said); you didn't mention \(unsaid)."
        }
    }

    @Test func everyCountOfMatchedAndMissedConcepts() {
        let names = ["caching", "ORM, lazily", "", "CSRF token", "é"]
        for matched in 0...names.count {
            for missed in 0...names.count {
                let (said, unsaid) = (Array(names.prefix(matched)), Array(names.suffix(missed)))
                #expect(FeedbackWriter.sentence(matched: said, missed: unsaid) == Self.interpolated(matched: said, missed: unsaid))
            }
        }
        #expect(FeedbackWriter.list(["a", "b", "c"], conjunction: "and") == "a, b and c")
        #expect(FeedbackWriter.list([], conjunction: "and") == "")
    }
}
