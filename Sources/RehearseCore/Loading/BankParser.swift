import Yams

/// Turns a bank file's root mapping into a ``Bank``, logging every problem.
struct BankParser {
    static let keys = ["questions", "description"]

    let document: YAMLDocument

    func parse(_ root: Node, name: String) -> Bank? {
        guard let reader = MappingReader(root, subject: "bank", allowedKeys: Self.keys, in: document) else { return nil }
        guard let items = reader.list("questions") else {
            // A value of the wrong kind is already reported; only an empty one is left to say.
            if let value = reader.node("questions"), MappingReader.isNull(value) {
                reader.error(at: "questions", "\"questions\" is empty (add at least one question)")
            }
            return nil
        }
        let parser = QuestionParser(document: document)
        let questions = items.enumerated().compactMap { parser.parse($1, index: $0 + 1) }
        return Bank(name: name, path: document.path, questions: questions)
    }
}
