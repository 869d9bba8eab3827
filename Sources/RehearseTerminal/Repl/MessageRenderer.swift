import RehearseCore
import RehearseScoring

/// Turns the interviewer's messages into text for a terminal or a pipe.
public struct MessageRenderer {
    let style: TerminalStyle
    let interviewer: String
    let reveal: Bool
    /// The width to wrap prose and fit tables to, asked at each message (the window may have
    /// been resized); `nil` leaves lines as they are.
    let width: () -> Int?

    /// Creates a renderer; `width` is asked for the columns each time a message is rendered.
    public init(style: TerminalStyle, interviewer: String, reveal: Bool, width: @escaping () -> Int? = { nil }) {
        self.style = style
        self.interviewer = interviewer
        self.reveal = reveal
        self.width = width
    }

    /// The text for `message`, wrapped at word boundaries to the width.
    public func render(_ message: SessionMessage) -> String {
        let columns = width()
        return TextWrap.wrap(unwrapped(message, width: columns), width: columns, keepingCode: true)
    }

    /// The text for `message`, ending with a newline. Everything in it that came from a bank,
    /// a transcript or a daemon goes through ``SafeText``.
    private func unwrapped(_ message: SessionMessage, width: Int?) -> String {
        let clean = SafeText.clean
        let interviewer = clean(self.interviewer)
        switch message {
        case .greeting(let name, let text):
            return "\(style.bold(clean(name) + ":")) \(clean(text))\nType /help for the commands.\n"
        case .question(let asked):
            var text = "\n" + style.cyan(style.bold(clean(asked.header))) + "\n" + clean(asked.question.prompt) + "\n"
            if let limit = asked.timeLimit { text += style.dim("Time limit: \(DisplayFormat.minutes(limit))") + "\n" }
            return text
        case .feedback(let report, let final, let band, let cap, let overtime):
            var text = "\n" + ScoreReportView(report, style: style, score: final, band: band).render() + "\n"
            if let cap, report.score > cap { text += style.dim("Capped at \(DisplayFormat.score(cap)) by the hints you used.") + "\n" }
            if let overtime { text += style.dim("Answered \(DisplayFormat.minutes(overtime)) over the time limit.") + "\n" }
            return text
        case .followUp(_, let text):
            return "\n\(style.bold(interviewer + ":")) Follow-up — \(clean(text))\n"
        case .hint(let number, let total, let text, let cap):
            return style.yellow("Hint \(number)/\(total):") + " \(clean(text)) "
                + style.dim("(this question can now score at most \(DisplayFormat.score(cap)))") + "\n"
        case .reference(let answer, let code):
            var text = style.bold("Reference answer:") + " \(clean(answer))\n"
            if let code {
                text += clean(code).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
            return text
        case .info(let text):
            return style.dim(clean(text)) + "\n"
        case .warning(let text):
            return style.yellow("warning: ") + clean(text) + "\n"
        case .closing(let text, let report):
            return "\n\(style.bold(interviewer + ":")) \(clean(text))\n\n"
                + ClosingReportView(report, style: style, showReferences: !reveal, width: width).render()
                + "\n"
        }
    }

}
