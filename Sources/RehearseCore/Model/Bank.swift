/// A file of questions; scenarios name it by its file name without extension.
public struct Bank: Sendable, Hashable {
    /// The bank's name, e.g. `django` for `banks/django.yaml`.
    public var name: String
    /// The file it was read from.
    public var path: String
    /// Its questions, in file order.
    public var questions: [Question]

    /// Creates a bank.
    public init(name: String, path: String, questions: [Question]) {
        self.name = name
        self.path = path
        self.questions = questions
    }
}
