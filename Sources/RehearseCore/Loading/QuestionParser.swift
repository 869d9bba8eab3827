import Yams

/// Turns one question mapping of a bank into a ``Question``, logging every problem.
struct QuestionParser {
    static let keys = [
        "id", "topic", "tags", "difficulty", "prompt", "answer", "code", "concepts", "hints",
        "follow_up", "examples", "source", "draft",
    ]
    static let conceptKeys = ["name", "terms", "weight", "required"]
    static let exampleKeys = ["answer", "expect", "score"]
    /// The heaviest a concept may weigh. Weights are relative (2 counts twice as much as 1), so
    /// a larger one says nothing more, and the scorer's sums stay far from overflowing.
    static let maxWeight = 100.0
    /// The most concepts a question may list; 3 to 6 is a good number.
    static let maxConcepts = 100

    let document: YAMLDocument

    func parse(_ node: Node, index: Int) -> Question? {
        let subject = MappingReader.peek("id", in: node).map { "question \"\($0)\"" } ?? "question \(index)"
        guard let reader = MappingReader(node, subject: subject, allowedKeys: Self.keys, in: document)
        else { return nil }
        let id = reader.string("id", required: true)
        if let id {
            document.questionIDs.append((id, reader.location(of: "id")))
            if !Self.isValidID(id) {
                reader.error(at: "id", "question id \"\(id)\" must be lowercase words joined by dots, e.g. \"django.csrf\"")
            }
        }
        let draft = reader.bool("draft") ?? false
        let topic = reader.string("topic", required: true)
        let difficulty = parseDifficulty(reader)
        let prompt = reader.string("prompt", required: true)
        let answer = reader.string("answer", required: true)
        let concepts = parseConcepts(reader)
        let hints = parseHints(reader, draft: draft)
        let followUp = parseFollowUp(reader, draft: draft)
        let examples = parseExamples(reader)
        let tags = reader.strings("tags") ?? []
        let code = reader.string("code")
        let source = reader.string("source")

        guard let id, let topic, let difficulty, let prompt, let answer else { return nil }
        return Question(
            id: id, topic: topic, tags: tags, difficulty: difficulty, prompt: prompt, answer: answer,
            code: code, concepts: concepts, hints: hints, followUp: followUp, examples: examples,
            source: source, draft: draft, location: document.location(of: node))
    }

    /// `LOW-HIGH` in digits, whatever the numbers: `80-60` and `0-101` are ranges out of order or
    /// out of bounds, not unknown words.
    static func looksLikeScoreRange(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count == 2 && parts.allSatisfy { MappingReader.isWholeNumber($0) && !$0.hasPrefix("+") }
    }

    /// Lowercase letters, digits, `_` and `-`, in dot-separated parts.
    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
        }
    }

    private func parseDifficulty(_ reader: MappingReader) -> Difficulty? {
        guard let text = reader.string("difficulty", required: true) else { return nil }
        guard let difficulty = Difficulty(rawValue: text) else {
            reader.error(at: "difficulty", "unknown difficulty \"\(text)\" (expected easy, medium or hard)")
            return nil
        }
        return difficulty
    }

    private func parseConcepts(_ reader: MappingReader) -> [Concept] {
        guard let items = reader.list("concepts") else {
            if !reader.has("concepts") {
                document.warning(
                    reader.node, "\(reader.subject) has no \"concepts\"; the scorer will guess them from the answer (list them for better feedback)")
            }
            return []
        }
        guard items.count <= Self.maxConcepts else {
            reader.error(
                at: "concepts",
                "\(reader.subject) has \(items.count) concepts (at most \(Self.maxConcepts); keep the few ideas a good answer must mention)")
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard var concept = MappingReader(item, subject: "concept \(index + 1) of \(reader.subject)", allowedKeys: Self.conceptKeys, in: document)
            else { return nil }
            let name = concept.string("name", required: true)
            if let name { concept.subject = "concept \"\(name)\" of \(reader.subject)" }
            let terms = (concept.strings("terms") ?? []).filter { !$0.isEmpty }
            if terms.isEmpty {
                document.error(item, "\(concept.subject) has no terms (list the words and phrases that show it under \"terms\")")
            }
            let weight = concept.double("weight") ?? 1
            if weight <= 0 {
                concept.error(at: "weight", "\"weight\" of \(concept.subject) must be greater than 0, got \(weight.formatted())")
            } else if weight > Self.maxWeight {
                concept.error(
                    at: "weight",
                    "\"weight\" of \(concept.subject) must be greater than 0 and at most 100, got \(concept.written("weight") ?? weight.description) (weights are relative: 2 counts twice as much as 1)"
                )
            }
            let required = concept.bool("required") ?? false
            guard let name, !terms.isEmpty, weight > 0, weight <= Self.maxWeight else { return nil }
            return Concept(name: name, terms: terms, weight: weight, required: required)
        }
    }

    private func parseHints(_ reader: MappingReader, draft: Bool) -> [String] {
        guard let items = reader.list("hints") else {
            if !reader.has("hints") {
                lack(reader, "no hints (add a \"hints\" list, least revealing first)", draft: draft, at: "hints")
            } else {
                lack(reader, "no hints (the \"hints\" list is empty)", draft: draft, at: "hints")
            }
            return []
        }
        if items.isEmpty { lack(reader, "no hints (the \"hints\" list is empty)", draft: draft, at: "hints") }
        var hints: [String] = []
        for (index, item) in items.enumerated() {
            let text = item.string?.trimmedWhitespace ?? ""
            guard case .scalar = item, !text.isEmpty else {
                document.error(item, "hint \(index + 1) of \(reader.subject) is empty (write the hint or remove the line)")
                continue
            }
            hints.append(text)
        }
        return hints
    }

    private func parseFollowUp(_ reader: MappingReader, draft: Bool) -> String? {
        if let followUp = reader.string("follow_up") { return followUp }
        if reader.has("follow_up") {
            if case .scalar? = reader.node("follow_up") {
                lack(reader, "an empty \"follow_up\" (ask about the most important concept)", draft: draft, at: "follow_up")
            } else {
                _ = reader.string("follow_up")  // logs the type error
            }
        } else {
            lack(reader, "no \"follow_up\" (add a question about the most important concept)", draft: draft, at: "follow_up")
        }
        return nil
    }

    /// A draft may still lack hints and a follow-up; a reviewed question may not.
    private func lack(_ reader: MappingReader, _ what: String, draft: Bool, at key: String) {
        if draft { reader.warning(at: key, "draft \(reader.subject) has \(what)") } else { reader.error(at: key, "\(reader.subject) has \(what)") }
    }

    private func parseExamples(_ reader: MappingReader) -> [Example] {
        guard let items = reader.list("examples") else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let example = MappingReader(item, subject: "example \(index + 1) of \(reader.subject)", allowedKeys: Self.exampleKeys, in: document)
            else { return nil }
            let answer = example.string("answer", required: true)
            guard let expectText = example.string("expect", required: true) else { return nil }
            guard let expect = ExampleExpectation(text: expectText) else {
                if Self.looksLikeScoreRange(expectText) {
                    example.error(
                        at: "expect", "score range \"\(expectText)\" must run from a low score to a high one, both from 0 to 100 (e.g. 60-80)")
                } else {
                    example.error(
                        at: "expect", "unknown expectation \"\(expectText)\" (expected strong, partial, weak or a score range such as 60-80)")
                }
                return nil
            }
            let score = example.int("score", in: 0...100)
            if let score, case .range(let range) = expect, !range.contains(score) {
                example.error(at: "score", "score \(score) lies outside the expected range \(expectText) (make them agree)")
                return nil
            }
            guard let answer else { return nil }
            return Example(answer: answer, expect: expect, score: score)
        }
    }
}
