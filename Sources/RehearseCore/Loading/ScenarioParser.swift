import Yams

/// Turns a scenario file's root mapping into a ``Scenario``, logging every problem.
struct ScenarioParser {
    static let keys = [
        "id", "title", "description", "interviewer", "draw", "count", "start_difficulty", "adaptive",
        "time_limit",
    ]
    static let interviewerKeys = ["name", "greeting", "closing"]
    static let drawKeys = ["banks", "topics", "tags"]
    /// Questions per session: the most the daemon's API accepts too.
    static let countRange = 1...1000

    let document: YAMLDocument

    func parse(_ root: Node) -> Scenario? {
        let subject = MappingReader.peek("id", in: root).map { "scenario \"\($0)\"" } ?? "scenario"
        guard let reader = MappingReader(root, subject: subject, allowedKeys: Self.keys, in: document) else {
            return nil
        }
        let id = reader.string("id", required: true)
        if let id {
            if !QuestionParser.isValidID(id) {
                reader.error(at: "id", "scenario id \"\(id)\" must be lowercase words joined by dashes, e.g. \"python-web\"")
            }
        }
        let title = reader.string("title", required: true)
        let description = reader.string("description") ?? ""
        let interviewer = parseInterviewer(reader)
        let draw = parseDraw(reader)
        let count = parseCount(reader)
        let start = parseStartDifficulty(reader)
        let adaptive = reader.bool("adaptive") ?? false
        let timeLimit = parseTimeLimit(reader)

        guard let id, let title, let interviewer, let draw else { return nil }
        return Scenario(
            id: id, title: title, description: description, interviewer: interviewer, draw: draw,
            count: count, startDifficulty: start ?? .easy, adaptive: adaptive, timeLimit: timeLimit,
            location: document.location(of: root))
    }

    private func parseInterviewer(_ reader: MappingReader) -> Interviewer? {
        guard let node = reader.node("interviewer") else {
            reader.missing("interviewer")
            return nil
        }
        guard let persona = MappingReader(node, subject: "interviewer of \(reader.subject)", allowedKeys: Self.interviewerKeys, in: document)
        else { return nil }
        guard let name = persona.string("name", required: true) else { return nil }
        let greeting = persona.string("greeting") ?? "Hi, I'm \(name). Let's begin."
        let closing = persona.string("closing") ?? "That's all my questions. Thanks for your time."
        for (key, text) in [("greeting", greeting), ("closing", closing)] {
            for unknown in InterviewerText.unknownPlaceholders(in: text) {
                persona.error(
                    at: key,
                    "unknown placeholder \"\(unknown)\" in the \(key) (known: \(InterviewerText.placeholders.keys.sorted().joined(separator: ", ")))")
            }
            if InterviewerText.hardCodesCount(text) {
                persona.warning(at: key, "the \(key) states how many questions; write {count} instead, since --count changes it")
            }
        }
        return Interviewer(name: name, greeting: greeting, closing: closing)
    }

    private func parseDraw(_ reader: MappingReader) -> Draw? {
        guard let node = reader.node("draw") else {
            reader.missing("draw")
            return nil
        }
        if MappingReader.isNull(node) { return Draw() }
        guard let draw = MappingReader(node, subject: "draw of \(reader.subject)", allowedKeys: Self.drawKeys, in: document)
        else { return nil }
        return Draw(banks: draw.strings("banks") ?? [], topics: draw.strings("topics") ?? [], tags: draw.strings("tags") ?? [])
    }

    private func parseCount(_ reader: MappingReader) -> Int? {
        reader.int("count", in: Self.countRange)
    }

    private func parseStartDifficulty(_ reader: MappingReader) -> Difficulty? {
        guard let text = reader.string("start_difficulty") else { return nil }
        guard let difficulty = Difficulty(rawValue: text) else {
            reader.error(at: "start_difficulty", "unknown difficulty \"\(text)\" (expected easy, medium or hard)")
            return nil
        }
        return difficulty
    }

    private func parseTimeLimit(_ reader: MappingReader) -> Int? {
        guard let text = reader.string("time_limit") else { return nil }
        guard let seconds = TimeLimit.duration(from: text) else {
            reader.error(at: "time_limit", "\"time_limit\" must be a duration such as 90s, 2m or 1m30s, got \"\(text)\"")
            return nil
        }
        guard (1...TimeLimit.maxSeconds).contains(seconds) else {
            reader.error(at: "time_limit", "\"time_limit\" must be from 1s to 24h, got \"\(text)\"")
            return nil
        }
        return seconds
    }
}
