import RehearseCore

/// `rehearse questions`: id, topic, level and prompt of each question, and how many.
public struct QuestionsView {
    let report: QuestionsReport
    let style: TerminalStyle
    let width: Int?

    /// Creates the view; `width` fits the table to a terminal.
    public init(_ report: QuestionsReport, style: TerminalStyle, width: Int? = nil) {
        self.report = report
        self.style = style
        self.width = width
    }

    /// The table and the count, or the topics and tags to filter by when nothing matches.
    public func render() -> String {
        let questions = report.questions
        guard !questions.isEmpty else {
            return "No questions match. Topics: \(report.topics.joined(separator: ", ")). Tags: \(report.tags.joined(separator: ", "))."
        }
        var table = TextTable(headers: ["ID", "TOPIC", "LEVEL", "PROMPT"])
        for question in questions {
            table.append([question.id, question.topic, question.difficulty.rawValue, question.prompt])
        }
        return table.render(style: style, width: width) + "\n" + style.dim("\n\(questions.count) question\(questions.count == 1 ? "" : "s")")
    }
}
