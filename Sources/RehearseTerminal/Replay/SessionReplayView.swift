import Foundation
import RehearseCore
import RehearseScoring

/// A past session as dialogue, in the same look as live, split into timed frames so a replay
/// can reproduce the person's own pace. Every stored text is printed through ``SafeText``.
public struct SessionReplayView {
    /// One piece of the dialogue and when it happened.
    public struct Frame: Sendable {
        /// When the line was written, if known.
        public let time: Date?
        /// The text, ending with a newline.
        public let text: String
    }

    let log: SessionLog
    let style: TerminalStyle
    let renderer: MessageRenderer

    /// Creates the view.
    public init(_ log: SessionLog, style: TerminalStyle) {
        self.log = log
        self.style = style
        renderer = MessageRenderer(style: style, interviewer: "Interviewer", reveal: true)
    }

    /// The frames of the whole session, or of question `only` (1-based).
    public func frames(only: Int? = nil) -> [Frame] {
        var frames = [Frame(time: log.startedAt, text: header())]
        for question in log.questions where only == nil || question.number == only {
            frames += self.frames(of: question)
        }
        frames.append(Frame(time: log.end.flatMap { TranscriptTime.parse($0.time) } ?? log.lastTime, text: footer()))
        return frames
    }

    /// The session's date, scenario and seed, and the transcript's path.
    public func header() -> String {
        let date = log.startedAt.map(Self.dateText) ?? "unknown date"
        let seed = log.start?.seed.map { " · seed \($0)" } ?? ""
        let candidate = log.candidate.map { " · " + SafeText.clean($0) } ?? ""
        return style.bold("Session of \(date)\(candidate) · \(SafeText.clean(log.scenario))\(seed)") + "\n" + style.dim(log.path) + "\n"
    }

    func footer() -> String {
        let overall = DisplayFormat.score((log.overall * 10).rounded() / 10)
        guard let end = log.end else {
            return "\n" + style.yellow("The session did not finish (no session_end line): \(log.answered) answered, \(overall)/100 so far.") + "\n"
        }
        let duration = log.duration.map { " · " + DisplayFormat.minutes($0) } ?? ""
        let reviewed =
            log.reviewedOverall.map { " · reviewed \(DisplayFormat.score(($0 * 10).rounded() / 10))/100 (\(log.reviewedAnswers) graded)" } ?? ""
        return "\n" + style.bold("Session ended (\(SafeText.clean(end.reason ?? "completed"))): ")
            + "\(log.answered) answered · \(overall)/100\(reviewed)\(duration)\n"
    }

    private func frames(of question: ReplayedQuestion) -> [Frame] {
        let total = log.start?.options?["count"].flatMap(Int.init) ?? log.questions.count
        let asked = AskedQuestion(
            number: question.number, total: max(total, question.number), question: Self.question(question, path: log.path), timeLimit: nil)
        var frames = [Frame(time: question.askedAt, text: renderer.render(.question(asked)))]
        for (index, hint) in question.hints.enumerated() {
            frames.append(Frame(time: nil, text: style.yellow("Hint \(index + 1):") + " \(SafeText.clean(hint))\n"))
        }
        if let answer = question.answer {
            frames.append(Frame(time: answer.answeredAt, text: said(answer.text, label: "answer›")))
        }
        if let score = question.score { frames.append(Frame(time: TranscriptTime.parse(score.time), text: feedback(score))) }
        frames += reviewFrames(question, attempt: 1)
        if let followUp = question.followUp {
            frames.append(Frame(time: nil, text: "\n" + style.bold("Follow-up —") + " \(SafeText.clean(followUp))\n"))
        }
        if let answer = question.followUpAnswer {
            frames.append(Frame(time: answer.answeredAt, text: said(answer.text, label: "follow-up›")))
        }
        if let score = question.followUpScore { frames.append(Frame(time: TranscriptTime.parse(score.time), text: feedback(score))) }
        frames += reviewFrames(question, attempt: 2)
        if question.skipped { frames.append(Frame(time: nil, text: style.dim("Skipped.") + "\n")) }
        if question.answer == nil, !question.skipped { frames.append(Frame(time: nil, text: style.dim("(no answer)") + "\n")) }
        return frames
    }

    /// Reviewers' grades of one answer, next to the scorer's: the latest counts, earlier ones
    /// are shown as superseded. Untimed: they were given after the session.
    private func reviewFrames(_ question: ReplayedQuestion, attempt: Int) -> [Frame] {
        let reviews = question.reviews(of: attempt)
        return reviews.enumerated().map { index, review in
            let who = review.reviewer.map { " (\(SafeText.clean($0)))" } ?? ""
            let scorer = (review.scorerScore ?? question.scorerScore(at: attempt)).map { ", scorer \(DisplayFormat.score($0))" } ?? ""
            let note = review.note.map { " — " + SafeText.clean($0).replacingOccurrences(of: "\n", with: " ") } ?? ""
            let text = "Reviewed\(who): \(DisplayFormat.score(review.score))\(scorer)\(note)"
            return Frame(time: nil, text: (index == reviews.count - 1 ? style.cyan(text) : style.dim(text + " (superseded)")) + "\n")
        }
    }

    private func said(_ text: String, label: String) -> String {
        SafeText.clean(text).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { ($0.offset == 0 ? style.dim(label) : style.dim("   …")) + " " + $0.element }
            .joined(separator: "\n") + "\n"
    }

    private func feedback(_ record: TranscriptRecord) -> String {
        let report = ScoreReport(
            score: record.score ?? 0, band: Band(rawValue: record.band ?? "") ?? .weak,
            matched: (record.matched ?? []).map {
                ConceptMatch(concept: SafeText.clean($0.concept), term: SafeText.clean($0.term), evidence: SafeText.clean($0.evidence), span: $0.span)
            },
            missed: (record.missed ?? []).map { MissedConcept(concept: SafeText.clean($0.concept), weight: $0.weight, required: $0.required) },
            feedback: SafeText.clean(record.feedback ?? ""), conceptCoverage: 0, overlap: 0, derivedConcepts: false,
            conceptScore: record.conceptScore, matchedSample: record.matchedSample.map(Self.clean),
            closestSamples: record.closestSamples?.map(Self.clean))
        let final = record.finalScore ?? report.score
        return renderer.render(
            .feedback(report: report, final: final, band: Band(rawValue: record.band ?? "") ?? report.band, hintCap: nil, overtimeSeconds: nil))
    }

    private static func clean(_ sample: SampleNeighbour) -> SampleNeighbour {
        SampleNeighbour(label: SafeText.clean(sample.label), score: sample.score, similarity: sample.similarity, scored: sample.scored)
    }

    /// A stand-in bank question carrying what the transcript recorded.
    static func question(_ replayed: ReplayedQuestion, path: String) -> Question {
        Question(
            id: SafeText.clean(replayed.id), topic: SafeText.clean(replayed.topic),
            difficulty: Difficulty(rawValue: replayed.difficulty) ?? .medium, prompt: SafeText.clean(replayed.prompt),
            answer: "", location: SourceLocation(path: path, line: 1, column: 1))
    }

    /// `2026-11-25 09:41` in local time; `?` for a date the calendar cannot show.
    public static func dateText(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.clampedInt(rounding: .towardZero))
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return "?" }
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min)
    }
}
