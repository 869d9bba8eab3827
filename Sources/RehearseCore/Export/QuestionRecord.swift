/// A question as `rehearse questions --json` prints it, with the bank format's key names.
public struct QuestionRecord: Encodable, Sendable {
    /// A concept with the bank format's key names.
    public struct ConceptRecord: Encodable, Sendable {
        let name: String
        let terms: [String]
        let weight: Double
        let required: Bool
    }

    /// A sample answer with the bank format's key names.
    public struct ExampleRecord: Encodable, Sendable {
        let answer: String
        let expect: String
    }

    let id: String
    let topic: String
    let tags: [String]
    let difficulty: String
    let prompt: String
    let answer: String
    let code: String?
    let concepts: [ConceptRecord]
    let hints: [String]
    let followUp: String?
    let examples: [ExampleRecord]
    let source: String?
    let draft: Bool
    let file: String

    enum CodingKeys: String, CodingKey {
        case id, topic, tags, difficulty, prompt, answer, code, concepts, hints
        case followUp = "follow_up"
        case examples, source, draft, file
    }

    /// The record for `question`.
    public init(_ question: Question) {
        id = question.id
        topic = question.topic
        tags = question.tags
        difficulty = question.difficulty.rawValue
        prompt = question.prompt
        answer = question.answer
        code = question.code
        concepts = question.concepts.map { ConceptRecord(name: $0.name, terms: $0.terms, weight: $0.weight, required: $0.required) }
        hints = question.hints
        followUp = question.followUp
        examples = question.examples.map { ExampleRecord(answer: $0.answer, expect: $0.expect.text) }
        source = question.source
        draft = question.draft
        file = question.location.description
    }
}
