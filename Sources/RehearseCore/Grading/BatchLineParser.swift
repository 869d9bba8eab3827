import RehearseScoring

/// Reads one line of a batch file: `answer` plus either `reference` (with optional `question`,
/// `references` and `concepts`) or `question_id`. Unknown fields are ignored. Pure, so lines
/// can be parsed on several threads.
enum BatchLineParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, recent: inout RecentStrings) -> ParsedLine {
        func fail(_ message: String) -> ParsedLine { .failure(.batchLine(line, message)) }
        var object = Fields()
        var parser = JSONLineParser(bytes: bytes, recent: recent)
        let parsed = parser.members { name, value in object[name] = value }
        recent = parser.recent
        guard parsed else {
            return fail("not a JSON object (each line must be one object such as {\"question_id\": \"django.csrf\", \"answer\": \"...\"})")
        }
        guard let answer = object["answer"]?.string else {
            return fail(object["answer"] == nil ? "missing \"answer\"" : "\"answer\" must be a string")
        }
        let gold = Self.gold(object)
        let isSample = object["sample"]?.bool ?? false
        if isSample, gold == nil {
            return fail("a sample line (\"sample\": true) needs its grade: \"score\" between 0 and \"max_score\"")
        }
        if let reference = object["reference"] {
            guard let reference = reference.string else { return fail("\"reference\" must be a string") }
            guard object["question"] == nil || object["question"]?.string != nil else { return fail("\"question\" must be a string") }
            let prompt = object["question"]?.string ?? ""
            var references = [reference]
            if let more = object["references"] {
                guard let more = Self.strings(more) else { return fail("\"references\" must be a list of strings") }
                references += more.filter { $0 != reference }
            }
            let concepts: [ScoringConcept]
            switch Self.concepts(object["concepts"], line: line) {
            case .success(let parsed): concepts = parsed
            case .failure(let error): return .failure(error)
            }
            let key = object["question_id"]?.string ?? prompt + "\u{0}" + reference
            return .inline(
                BatchItem(
                    line: line, question: ScoringQuestion(prompt: prompt, references: references, concepts: concepts),
                    answer: answer, questionKey: key, gold: gold, isSample: isSample))
        }
        guard let id = object["question_id"]?.string else {
            return fail("needs \"reference\" (with \"question\") or \"question_id\" naming a bank question")
        }
        return .bank(id: id, answer: answer, gold: gold, line: line, isSample: isSample)
    }

    /// `value` as a list of strings, if it is one.
    private static func strings(_ value: JSONLineValue) -> [String]? {
        guard let list = value.array else { return nil }
        let strings = list.compactMap(\.string)
        return strings.count == list.count ? strings : nil
    }

    private static func gold(_ object: Fields) -> Double? {
        guard let score = object["score"]?.double, let maximum = object["max_score"]?.double, maximum > 0 else { return nil }
        // A grade outside 0...max_score is a typo in the file, not a grade to compare with.
        guard (0...maximum).contains(score) else { return nil }
        return score / maximum
    }

    /// `concepts`: a list of names (each its own term) or of {name, terms, weight, required}.
    private static func concepts(_ value: JSONLineValue?, line: Int) -> Result<[ScoringConcept], CoreError> {
        func failure(_ message: String) -> Result<[ScoringConcept], CoreError> { .failure(.batchLine(line, message)) }
        guard let value else { return .success([]) }
        guard let items = value.array else { return failure("\"concepts\" must be a list") }
        guard items.count <= QuestionParser.maxConcepts else {
            return failure("\"concepts\" has \(items.count) entries (at most \(QuestionParser.maxConcepts))")
        }
        var concepts: [ScoringConcept] = []
        for (index, item) in items.enumerated() {
            if let name = item.string {
                concepts.append(ScoringConcept(name: name, terms: [name]))
            } else if let object = item.object, let name = object["name"]?.string {
                let terms = object["terms"].flatMap(Self.strings) ?? [name]
                let weight = object["weight"]?.double ?? 1
                guard weight > 0, weight <= QuestionParser.maxWeight else {
                    return failure(
                        "concept \(index + 1) (\"\(name)\"): \"weight\" must be greater than 0 and at most \(Int(QuestionParser.maxWeight)), got \(weight)"
                    )
                }
                concepts.append(ScoringConcept(name: name, terms: terms, weight: weight, required: object["required"]?.bool ?? false))
            } else {
                return failure("concept \(index + 1) must be a name or an object with \"name\" and \"terms\"")
            }
        }
        return .success(concepts)
    }

    /// The members of a line that mean something to a batch; the others are checked for syntax
    /// and dropped. Read without a dictionary: hashing every key of every line showed up in
    /// profiles. Of duplicate members the last one wins, as with a dictionary.
    private struct Fields {
        private var answer, sample, reference, question, references, concepts, questionID, score, maxScore: JSONLineValue?

        subscript(name: String) -> JSONLineValue? {
            get {
                switch name {
                case "answer": answer
                case "sample": sample
                case "reference": reference
                case "question": question
                case "references": references
                case "concepts": concepts
                case "question_id": questionID
                case "score": score
                case "max_score": maxScore
                default: nil
                }
            }
            set {
                switch name {
                case "answer": answer = newValue
                case "sample": sample = newValue
                case "reference": reference = newValue
                case "question": question = newValue
                case "references": references = newValue
                case "concepts": concepts = newValue
                case "question_id": questionID = newValue
                case "score": score = newValue
                case "max_score": maxScore = newValue
                default: break
                }
            }
        }
    }
}
