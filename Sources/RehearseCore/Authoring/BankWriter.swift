import Yams

/// Writes imported questions as a bank file: the same input always gives the same text.
public enum BankWriter {
    /// The bank's YAML, with a header naming the guide.
    public static func yaml(_ questions: [ImportedQuestion], guide: String) throws -> String {
        var used = Set<String>()
        let items: [Node] = questions.map { question in
            let id = uniqueID(for: question, used: &used)
            var pairs: [(Node, Node)] = [
                ("id", Node(id, .implicit)), ("topic", Node(question.topic, .implicit)), ("tags", Node([Node](), .implicit, .flow)),
                ("difficulty", Node(question.difficulty.rawValue, .implicit)),
                ("source", Node("guide:\(question.topic):\(question.number)", .implicit)),
                ("draft", Node("true", Tag(.bool))), ("prompt", Node(question.prompt, .implicit)), ("answer", Node(question.answer, .implicit)),
            ]
            if let code = question.code { pairs.append(("code", Node(code, .implicit, .literal))) }
            pairs.append(
                (
                    "concepts",
                    Node(
                        question.concepts.map { concept -> Node in
                            let pairs: [(Node, Node)] = [
                                (Node("name", .implicit), Node(concept.name, .implicit)),
                                (Node("terms", .implicit), Node(concept.terms.map { Node($0, .implicit) }, .implicit, .flow)),
                            ]
                            return Node(pairs, .implicit, .any)
                        })
                ))
            return Node(pairs, .implicit, .any)
        }
        let body = try Yams.serialize(
            node: Node([(Node("questions", .implicit), Node(items, .implicit, .any))], .implicit, .any), indent: 2, width: 100, allowUnicode: true)
        return "# Imported by `rehearse import` from \(guide). Every question is a draft: review the answer,\n"
            + "# the suggested concepts, add hints, a follow-up and examples, then remove `draft: true`.\n" + body
    }

    /// `topic.first-words-of-the-prompt`, made unique with `-2`, `-3`, ...
    static func uniqueID(for question: ImportedQuestion, used: inout Set<String>) -> String {
        let stop: Set<String> = ["what", "is", "are", "the", "a", "an", "in", "of", "how", "do", "does", "you", "to", "and", "why", "which", "with"]
        let words = question.prompt.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !stop.contains($0) }
        let slug = words.prefix(4).joined(separator: "-")
        let topic = question.topic.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let base = "\(topic.isEmpty ? "general" : topic).\(slug.isEmpty ? "question-\(question.number)" : slug)"
        var id = base
        var suffix = 2
        while used.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(id)
        return id
    }
}
