import Yams

/// Writes imported questions as a bank file: the same input always gives the same text.
public enum BankWriter {
    /// The bank's YAML, with a header naming the guide.
    ///
    /// Each question is serialised on its own and the texts joined: the same text as serialising
    /// the whole bank as one node tree (a top-level list is written where `questions:` writes
    /// its list), but only one question's nodes exist at a time. Yams nodes take a kilobyte or
    /// so each, so a tree of 20,000 questions took over a gigabyte.
    public static func yaml(_ questions: [ImportedQuestion], guide: String) throws -> String {
        var yaml =
            "# Imported by `rehearse import` from \(guide). Every question is a draft: review the answer,\n"
            + "# the suggested concepts, add hints, a follow-up and examples, then remove `draft: true`.\n"
        guard !questions.isEmpty else {
            return yaml + (try Yams.serialize(node: Node([(text("questions"), Node([Node]()))]), indent: 2, width: 100, allowUnicode: true))
        }
        yaml += "questions:\n"
        var ids = IDs()
        for question in questions {
            let item = node(question, id: ids.next(for: question))
            yaml += try Yams.serialize(node: Node([item]), indent: 2, width: 100, allowUnicode: true)
        }
        return yaml
    }

    /// One question's mapping.
    private static func node(_ question: ImportedQuestion, id: String) -> Node {
        var pairs: [(Node, Node)] = [
            (text("id"), text(id)), (text("topic"), text(question.topic)), (text("tags"), Node([Node](), .implicit, .flow)),
            (text("difficulty"), text(question.difficulty.rawValue)),
            (text("source"), text("guide:\(question.topic):\(question.number)")),
            (text("draft"), Node("true", Tag(.bool))), (text("prompt"), text(question.prompt)), (text("answer"), text(question.answer)),
        ]
        if let code = question.code { pairs.append((text("code"), Node(code, Tag(.str), .literal))) }
        let concepts = question.concepts.map { concept -> Node in
            let pairs: [(Node, Node)] = [
                (text("name"), text(concept.name)),
                (text("terms"), Node(concept.terms.map(text), .implicit, .flow)),
            ]
            return Node(pairs, .implicit, .any)
        }
        pairs.append((text("concepts"), Node(concepts)))
        return Node(pairs, .implicit, .any)
    }

    /// A string scalar. Tagged `str` rather than left for Yams to resolve: the text written is the
    /// same (Yams emits every scalar with an implicit tag), without running Yams's resolver
    /// regexes over every string of the bank, which took a third of the time.
    private static func text(_ string: String) -> Node { Node(string, Tag(.str)) }

    /// Question ids, unique within a bank.
    struct IDs {
        private var used = Set<String>()
        /// For each base, the suffix to try first: every smaller one is taken. Trying `-2`, `-3`,
        /// ... from the start each time made 20,000 questions with the same prompt quadratic.
        private var nextSuffix: [String: Int] = [:]

        /// `topic.first-words-of-the-prompt`, made unique with `-2`, `-3`, ...
        mutating func next(for question: ImportedQuestion) -> String {
            let base = BankWriter.baseID(for: question)
            var id = base
            var suffix = nextSuffix[base] ?? 2
            if used.contains(base) {
                repeat {
                    id = "\(base)-\(suffix)"
                    suffix += 1
                } while used.contains(id)
            }
            nextSuffix[base] = suffix
            used.insert(id)
            return id
        }
    }

    /// `topic.first-words-of-the-prompt`.
    static func baseID(for question: ImportedQuestion) -> String {
        let stop: Set<String> = ["what", "is", "are", "the", "a", "an", "in", "of", "how", "do", "does", "you", "to", "and", "why", "which", "with"]
        let words = question.prompt.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !stop.contains($0) }
        let slug = words.prefix(4).joined(separator: "-")
        let topic = question.topic.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "\(topic.isEmpty ? "general" : topic).\(slug.isEmpty ? "question-\(question.number)" : slug)"
    }
}
