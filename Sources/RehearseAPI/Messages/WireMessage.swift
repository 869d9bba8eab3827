import RehearseCore
import RehearseScoring

/// One thing the interviewer says, as JSON for the daemon's clients. `type` says which fields
/// are present: the same cases as ``SessionMessage``, in snake_case.
public struct WireMessage: Codable, Sendable, Equatable, APISchema {
    /// Which message this is, and so which fields are present.
    public var type: MessageType
    /// The words of a greeting, follow-up, hint, info, warning or closing.
    public var text: String?
    /// Who greets.
    public var interviewer: String?
    public var question: WireQuestion?
    /// A feedback's score report (what matched, what was missed, and why).
    public var report: ScoreReport?
    /// A feedback's score after hint caps and follow-ups.
    public var score: Double?
    public var band: Band?
    public var hintCap: Double?
    public var overtimeSeconds: Int?
    /// The question a follow-up is about.
    public var questionID: String?
    /// A hint's number, of `total`, and the most the question can now score.
    public var number: Int?
    public var total: Int?
    public var cap: Double?
    /// A reference answer and its code.
    public var answer: String?
    public var code: String?
    public var closing: WireClosingReport?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, text, interviewer, question, report, score, band, number, total, cap, answer, code, closing
        case hintCap = "hint_cap"
        case overtimeSeconds = "overtime_seconds"
        case questionID = "question_id"
    }

    public static let schemaName = "Message"
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// A message of `type` with no other field set.
    public init(type: MessageType) { self.type = type }

    /// The wire form of `message`; `transcript` is how the closing report names the transcript,
    /// and `bands` (the daemon's settings) gives its overall score a band.
    public init(_ message: SessionMessage, transcript: String, bands: ScorerSettings? = nil) {
        switch message {
        case .greeting(let interviewer, let text):
            self.init(type: .greeting)
            self.interviewer = interviewer
            self.text = text
        case .question(let asked):
            self.init(type: .question)
            question = WireQuestion(asked)
        case .feedback(let report, let final, let band, let hintCap, let overtime):
            self.init(type: .feedback)
            self.report = report
            score = final
            self.band = band
            self.hintCap = hintCap
            overtimeSeconds = overtime
        case .followUp(let questionID, let text):
            self.init(type: .followUp)
            self.questionID = questionID
            self.text = text
        case .hint(let number, let total, let text, let cap):
            self.init(type: .hint)
            self.number = number
            self.total = total
            self.text = text
            self.cap = cap
        case .reference(let answer, let code):
            self.init(type: .reference)
            self.answer = answer
            self.code = code
        case .info(let text):
            self.init(type: .info)
            self.text = text
        case .warning(let text):
            self.init(type: .warning)
            self.text = text
        case .closing(let text, let report):
            self.init(type: .closing)
            self.text = text
            closing = WireClosingReport(report, transcript: transcript, band: bands?.band(for: report.overall))
        }
    }

    /// The message back as the engine's type, or `nil` for a type this build does not know
    /// (a newer daemon), which a client shows as plain text if it has any.
    public var message: SessionMessage? {
        switch type {
        case .greeting: return .greeting(interviewer: interviewer ?? "Interviewer", text: text ?? "")
        case .question: return question.map { .question($0.asked) }
        case .feedback:
            guard let report else { return nil }
            return .feedback(
                report: report, final: score ?? report.score, band: band ?? report.band,
                hintCap: hintCap, overtimeSeconds: overtimeSeconds)
        case .followUp: return .followUp(questionID: questionID ?? "", text: text ?? "")
        case .hint: return .hint(number: number ?? 1, total: total ?? 1, text: text ?? "", cap: cap ?? 100)
        case .reference: return .reference(answer: answer ?? "", code: code)
        case .info: return .info(text ?? "")
        case .warning: return .warning(text ?? "")
        case .closing: return closing.map { .closing(text: text ?? "", report: $0.report) }
        case .unknown: return text.map { .info($0) }
        }
    }
}
