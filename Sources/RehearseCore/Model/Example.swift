/// A sample answer with the grade it should get, so a bank can be tested like code.
public struct Example: Sendable, Hashable {
    /// The sample answer.
    public var answer: String
    /// The band or score range the scorer should give it.
    public var expect: ExampleExpectation

    /// Creates an example.
    public init(answer: String, expect: ExampleExpectation) {
        self.answer = answer
        self.expect = expect
    }
}
