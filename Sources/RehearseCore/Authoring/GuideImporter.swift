import Foundation
import RehearseScoring

/// Turns a Markdown interview guide into bank questions. Understands the common styles:
/// `## Topic` sections with `### N. Question` headings and `**Ans:**` answers; numbered lists
/// with a bold question (`1. **Question?**`) and an indented answer; bold question paragraphs
/// (`**1. Question?**`); and level headings (Beginner, Intermediate / Mid-Level, Advanced /
/// Senior) that set the difficulty. Bullets and tables become sentences, fenced code goes to
/// `code`, and mangled emoji are repaired or dropped.
public struct GuideImporter {
    /// A topic for every question, instead of the section headings.
    public let topic: String?
    /// The topic of questions before any section heading.
    public let fallbackTopic: String

    /// Creates an importer.
    public init(topic: String?, fallbackTopic: String) {
        self.topic = topic
        self.fallbackTopic = fallbackTopic
    }

    private struct Open {
        let number: Int?
        let prompt: String
        let line: Int
        var body: [String] = []
    }

    /// Reads `text` (the guide) into questions and a list of what was left out.
    public func parse(_ text: String) -> ImportReport {
        var report = ImportReport()
        var sectionTopic: String?
        var level: Difficulty?
        var open: Open?
        var inFence = false
        var skippedStart: Int?
        var skippedEnd = 0
        var skippedText = ""
        var perTopicCount: [String: Int] = [:]

        func flushSkipped(before line: Int) {
            guard let start = skippedStart else { return }
            let range = start == skippedEnd ? "line \(start)" : "lines \(start)-\(skippedEnd)"
            report.skipped.append("\(range): not part of a question, left out (\"\(skippedText.prefix(60))\")")
            skippedStart = nil
            skippedText = ""
        }
        // Skipped lines gather into one entry that ends at the next question or heading.
        func noteSkipped(_ line: Int, _ text: String) {
            skippedEnd = line
            guard skippedStart == nil else { return }
            skippedStart = line
            skippedText = Self.plain(text)
        }
        func close() {
            guard let current = open else { return }
            open = nil
            let topicName = topic ?? sectionTopic ?? fallbackTopic
            let (answer, code) = Self.answer(from: current.body)
            let prose: String
            if !answer.isEmpty {
                prose = answer
            } else if let code {
                prose = Self.answer(fromCode: code)  // a code-only answer still needs words to score against
            } else {
                report.skipped.append("line \(current.line): question \"\(current.prompt.prefix(60))\" has no answer, left out")
                return
            }
            let count = perTopicCount[topicName, default: 0] + 1
            perTopicCount[topicName] = count
            report.questions.append(
                ImportedQuestion(
                    topic: topicName, number: current.number ?? count, prompt: current.prompt,
                    answer: prose, code: code,
                    difficulty: level ?? Self.guessDifficulty(prompt: current.prompt, answer: answer), line: current.line))
        }

        // One pass over the lines; `\r\n` and lone `\r` end lines as `\n` does.
        let lines = GuideText.lines(text)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = MojibakeRepair.repair(raw)
            let trimmed = GuideText.trimmed(line)
            if inFence || trimmed.hasPrefix("```") {
                if trimmed.hasPrefix("```") { inFence.toggle() }
                if open != nil { open?.body.append(line) } else if !trimmed.isEmpty { noteSkipped(number, trimmed) }
                continue
            }
            if let (hashes, title) = Self.heading(trimmed) {
                if hashes >= 3, let question = Self.numberedOrAsked(title) {
                    close()
                    flushSkipped(before: number)
                    open = Open(number: question.number, prompt: question.prompt, line: number)
                } else if let heading = Self.level(title) {
                    close()
                    flushSkipped(before: number)
                    level = heading
                } else if hashes <= 2 {
                    close()
                    flushSkipped(before: number)
                    sectionTopic = Self.topicName(title)
                    level = nil
                } else {
                    close()
                    noteSkipped(number, trimmed)
                }
                continue
            }
            if let question = Self.boldQuestion(trimmed) ?? Self.labelledQuestion(trimmed) {
                close()
                flushSkipped(before: number)
                open = Open(number: question.number, prompt: question.prompt, line: number, body: question.rest.isEmpty ? [] : [question.rest])
                continue
            }
            if trimmed.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" }), trimmed.count >= 3 {
                close()
                continue
            }
            if open != nil { open?.body.append(line) } else if !trimmed.isEmpty { noteSkipped(number, trimmed) }
        }
        close()
        flushSkipped(before: lines.count + 1)
        return report
    }

    // MARK: - Recognising pieces

    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, GuideText.trimmed(plain(String(line.dropFirst(hashes)))))
    }

    /// `3. What is Signal in Django?` → (3, "What is Signal in Django?"); `What is X?` → (nil, ...).
    static func numberedOrAsked(_ title: String) -> (number: Int?, prompt: String)? {
        let digits = title.prefix { $0.isNumber }
        if !digits.isEmpty, let number = Int(digits) {
            let rest = title.dropFirst(digits.count)
            guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
            let prompt = GuideText.trimmed(rest.dropFirst())
            return prompt.isEmpty ? nil : (number, prompt)
        }
        return title.hasSuffix("?") ? (nil, title) : nil
    }

    /// `1. **Question?** rest`, `**2. Question?**`, `**Q3: Question?**` or a bold line ending in `?`.
    static func boldQuestion(_ line: String) -> (number: Int?, prompt: String, rest: String)? {
        var text = Substring(line)
        var number: Int?
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". **") || text.dropFirst(digits.count).hasPrefix(") **") {
            number = Int(digits)
            text = text.dropFirst(digits.count + 2)
        }
        guard text.hasPrefix("**"), let close = GuideText.firstRange(of: "**", in: text.dropFirst(2)) else { return nil }
        var bold = GuideText.trimmed(text.dropFirst(2)[..<close.lowerBound])
        var rest = GuideText.trimmed(text.dropFirst(2)[close.upperBound...])
        if number == nil, let inner = numberedOrAsked(bold), inner.number != nil {
            number = inner.number
            bold = inner.prompt
        }
        // The pattern starts with `Q`: no other line pays for compiling it.
        if let label = questionLabel(bold) {
            number = number ?? label.number
            bold = label.text
            // `**Q1.** What is X?`: the bold part is only the label; the question follows it.
            if bold.isEmpty {
                bold = rest
                rest = ""
            }
        }
        if bold.hasSuffix(":") { bold.removeLast() }
        let lower = bold.lowercased()
        guard !bold.isEmpty, number != nil || bold.hasSuffix("?"), !["ans", "answer", "a"].contains(lower) else { return nil }
        return (number, plain(bold), rest)
    }

    /// `Q1. What is X?`, `Q1: ...`, `Question 1: ...` (no bold): the number and the question.
    static func labelledQuestion(_ line: String) -> (number: Int?, prompt: String, rest: String)? {
        guard let label = questionLabel(line), !label.text.isEmpty else { return nil }
        return (label.number, plain(label.text), "")
    }

    /// `Q1.`, `Q1:`, `Q 1)`, `Question 1:` at the start of `text`, and what follows it.
    static func questionLabel(_ text: String) -> (number: Int, text: String)? {
        // The pattern starts with `Q`: no other line pays for matching it.
        guard text.first == "Q" || text.first == "q",
            let match = text.range(of: #"^[Qq](uestion)?\s*\d+\s*[:.)]"#, options: .regularExpression),
            let number = Int(text[match].filter(\.isNumber))
        else { return nil }
        return (number, GuideText.trimmed(plain(String(text[match.upperBound...]))))
    }

    /// `Senior-Level:`, `**Entry-level Questions**`, `Intermediate Level`: the level words,
    /// whatever decorates them.
    static func level(_ title: String) -> Difficulty? {
        let decoration: Set<String> = ["level", "questions", "question", "interview", "topics", "concepts", "section"]
        let words = title.lowercased().split { !$0.isLetter }.map(String.init).filter { !decoration.contains($0) }
        guard !words.isEmpty, words.count <= 2 else { return nil }
        if words.contains(where: { ["beginner", "beginners", "basic", "basics", "easy", "junior", "entry", "fundamentals"].contains($0) }) {
            return .easy
        }
        if words.contains(where: { ["intermediate", "mid", "middle", "medium"].contains($0) }) { return .medium }
        if words.contains(where: { ["advanced", "senior", "expert", "hard"].contains($0) }) { return .hard }
        return nil
    }

    /// `FLASK SECTION` → `flask`; `Django Interview Questions` → `django`.
    static func topicName(_ title: String) -> String {
        let noise: Set<String> = ["section", "questions", "question", "interview", "guide", "and", "answers", "the", "top", "common"]
        // `4. Databases` and `**13. Testing**` name their topic by their words, not the number.
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
            .filter { !noise.contains($0) && !$0.allSatisfy(\.isNumber) }
        return words.first ?? "general"
    }

    // MARK: - Answers

    /// Prose and code of an answer body: bullets and table rows become sentences.
    static func answer(from body: [String]) -> (String, String?) {
        var sentences: [String] = []
        var code: [String] = []
        var inFence = false
        var tableHeader: [String]?
        // A paragraph wrapped over several lines is one sentence: its lines join with a space.
        var paragraph: String?
        func endParagraph() {
            guard var text = paragraph, !text.isEmpty else {
                paragraph = nil
                return
            }
            if let last = text.last, !".?!:;".contains(last) { text += "." }
            sentences.append(text)
            paragraph = nil
        }
        for raw in body {
            let line = GuideText.trimmed(raw)
            if line.hasPrefix("```") {
                endParagraph()
                inFence.toggle()
                continue
            }
            if inFence {
                code.append(raw)
                continue
            }
            if line.isEmpty {
                endParagraph()
                continue
            }
            if line.hasPrefix("|") {
                endParagraph()
                let cells = line.split(separator: "|").map { GuideText.trimmed(plain(String($0))) }.filter { !$0.isEmpty }
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                if tableHeader == nil {
                    tableHeader = cells
                    continue
                }
                if let first = cells.first { sentences.append(first + ": " + cells.dropFirst().joined(separator: ", ") + ".") }
                continue
            }
            tableHeader = nil
            var text = line
            for prefix in ["**Ans:**", "**Answer:**", "Ans:", "Answer:", "A:"] where text.hasPrefix(prefix) {
                text = GuideText.trimmed(text.dropFirst(prefix.count))
            }
            // A list item starts a sentence of its own; a line under it continues it.
            var startsItem = false
            if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " {
                text = String(text.dropFirst(2))
                startsItem = true
            }
            text = plain(text)
            guard !text.isEmpty else { continue }
            if startsItem || paragraph == nil {
                endParagraph()
                paragraph = text
            } else {
                paragraph? += " " + text
            }
        }
        endParagraph()
        let prose = String(decoding: ByteSearch.replacing(":.", with: ":", in: Array(sentences.joined(separator: " ").utf8)), as: UTF8.self)
        let codeText = code.joined(separator: "\n").trimmingCharacters(in: .newlines)
        return (prose, codeText.isEmpty ? nil : codeText + "\n")
    }

    /// For a question the guide answers only with code: the code's identifiers, as a start.
    static func answer(fromCode code: String) -> String {
        "The guide answers with code using " + identifiers(in: code).prefix(8).joined(separator: ", ") + "."
    }

    /// Names in code that look like API: with `_` or `.`, or CamelCase.
    static func identifiers(in text: String) -> [String] {
        var seen = Set<String>()
        return Tokenizer.tokens(text).map(\.text).filter { word in
            let looksLikeAPI =
                word.utf8.contains(UInt8(ascii: "_")) || word.utf8.contains(UInt8(ascii: "."))
                || (word.dropFirst().contains { $0.isUppercase } && word.contains { $0.isLowercase })
            return looksLikeAPI && word.count > 2 && !word.hasPrefix("__") && seen.insert(word).inserted
        }
    }

    /// Markdown emphasis, code marks, escapes and links removed; the words kept. Linear in the
    /// length of `text`, however many links it has.
    static func plain(_ text: String) -> String {
        var bytes = Array(text.utf8)
        // In this order, each over the previous one's result: `***` leaves `*`, `\__` leaves `\`.
        for (pattern, replacement) in [("**", ""), ("__", ""), ("`", ""), ("\\_", "_"), ("\\*", "*")] {
            bytes = ByteSearch.replacing(pattern, with: replacement, in: bytes)
        }
        return GuideText.trimmed(String(decoding: GuideText.removingLinks(bytes), as: UTF8.self))
    }

    /// Without a level heading: short answers to "what is" questions are easy, comparisons and
    /// "how" questions medium, long or performance-minded answers hard.
    static func guessDifficulty(prompt: String, answer: String) -> Difficulty {
        let words = answer.split { $0.isWhitespace }.count
        let lower = (prompt + " " + answer).lowercased()
        if words > 70 || ["optimi", "scal", "internals", "concurren", "performance"].contains(where: { GuideText.contains($0, in: lower) }) {
            return .hard
        }
        let lowerPrompt = prompt.lowercased()
        if words > 30 || [" vs", "difference", "compare", "how does", "how do", "why"].contains(where: { GuideText.contains($0, in: lowerPrompt) }) {
            return .medium
        }
        return .easy
    }
}
