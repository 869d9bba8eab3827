import RehearseCore
import RehearseScoring

/// `rehearse score --question ID`: the question, then the explained score of the answer.
public struct ScoreView {
    let question: Question
    let report: ScoreReport
    let style: TerminalStyle

    /// Creates the view of `report`, the score of an answer to `question`.
    public init(_ report: ScoreReport, for question: Question, style: TerminalStyle) {
        self.question = question
        self.report = report
        self.style = style
    }

    /// The question's id, topic and level, its prompt, and the report.
    public func render() -> String {
        [
            style.dim(SafeText.clean("\(question.id) · \(question.topic) · \(question.difficulty.rawValue)")), SafeText.clean(question.prompt), "",
            ScoreReportView(report, style: style).render(),
        ].joined(separator: "\n")
    }
}
