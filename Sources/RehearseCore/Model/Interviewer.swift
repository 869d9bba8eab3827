/// The persona that asks the questions.
public struct Interviewer: Sendable, Hashable {
    /// How the interviewer introduces themselves.
    public var name: String
    /// Said once at the start of a session.
    public var greeting: String
    /// Said once at the end, before the report.
    public var closing: String

    /// Creates an interviewer.
    public init(name: String, greeting: String, closing: String) {
        self.name = name
        self.greeting = greeting
        self.closing = closing
    }
}
