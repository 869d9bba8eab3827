import Foundation
import RehearseCore
import RehearseScoring

/// A past session as a document: Markdown, a standalone HTML page, or JSON.
public enum SessionExport {
    /// The formats `replay --format` writes.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html, json
    }

    /// The document for `log`; `references` (question id → reference answer, from today's
    /// banks) adds each question's reference answer, so the export teaches as the report does.
    public static func render(_ log: SessionLog, as format: Format, references: [String: String] = [:]) throws -> String {
        switch format {
        case .markdown: markdown(log, references: references)
        case .html: html(log, references: references)
        case .json: try json(log)
        }
    }

    static func markdown(_ log: SessionLog, references: [String: String] = [:]) -> String {
        let candidate = log.candidate.map { " · " + SafeText.clean($0) } ?? ""
        var lines = ["# Session of \(log.startedAt.map(SessionReplayView.dateText) ?? "?")\(candidate) · \(SafeText.clean(log.scenario))", ""]
        lines.append(
            "Overall **\(DisplayFormat.score((log.overall * 10).rounded() / 10))/100** · \(log.answered) of \(log.questions.count) answered"
                + (log.end == nil ? " · unfinished" : "") + (log.reviewedOverall.map { " · reviewed **\(reviewedText($0))/100**" } ?? ""))
        for question in log.questions {
            lines += [
                "", "## \(question.number). \(SafeText.clean(question.prompt))", "",
                "*\(SafeText.clean(question.id)) · \(SafeText.clean(question.topic)) · \(SafeText.clean(question.difficulty))*", "",
            ]
            for hint in question.hints { lines.append("> Hint: \(SafeText.clean(hint))") }
            if let answer = question.answer { lines += ["**Answer:**", "", quote(answer.text), ""] }
            if let score = question.score { lines += scoreLines(score) }
            lines += reviewLines(question, attempt: 1)
            if let followUp = question.followUp { lines += ["", "**Follow-up:** \(SafeText.clean(followUp))", ""] }
            if let answer = question.followUpAnswer { lines += [quote(answer.text), ""] }
            if let score = question.followUpScore { lines += scoreLines(score) }
            lines += reviewLines(question, attempt: 2)
            if question.skipped { lines.append("*Skipped.*") }
            if let reference = references[question.id] { lines += ["", "**Reference answer:** \(SafeText.clean(reference))"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A reviewed score to one decimal.
    private static func reviewedText(_ score: Double) -> String { DisplayFormat.score((score * 10).rounded() / 10) }

    /// "Reviewed (Ana): 80/100 — note", the latest grade of an answer; earlier ones struck through.
    static func reviewSentences(_ question: ReplayedQuestion, attempt: Int) -> [(text: String, current: Bool)] {
        let reviews = question.reviews(of: attempt)
        return reviews.enumerated().map { index, review in
            let who = review.reviewer.map { " (\(SafeText.clean($0)))" } ?? ""
            let note = review.note.map { " — " + SafeText.clean($0).replacingOccurrences(of: "\n", with: " ") } ?? ""
            return ("Reviewed\(who): \(DisplayFormat.score(review.score))/100\(note)", index == reviews.count - 1)
        }
    }

    private static func reviewLines(_ question: ReplayedQuestion, attempt: Int) -> [String] {
        let sentences = reviewSentences(question, attempt: attempt)
        guard !sentences.isEmpty else { return [] }
        return [""] + sentences.map { $0.current ? "**\($0.text)**" : "~~\($0.text)~~ (superseded)" }
    }

    private static func quote(_ text: String) -> String {
        SafeText.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    private static func scoreLines(_ score: TranscriptRecord) -> [String] {
        var lines = ["Score **\(DisplayFormat.score(score.finalScore ?? score.score ?? 0))/100** (\(score.band ?? "?"))", ""]
        for match in score.matched ?? [] { lines.append("- ✓ \(SafeText.clean(match.concept)) — “\(SafeText.clean(match.evidence))”") }
        for missed in score.missed ?? [] { lines.append("- ✗ \(SafeText.clean(missed.concept))") }
        if let feedback = score.feedback { lines += ["", SafeText.clean(feedback)] }
        return lines
    }

    /// One self-contained page: inline CSS, no scripts, no external assets.
    static func html(_ log: SessionLog, references: [String: String] = [:]) -> String {
        func h(_ text: String) -> String {
            SafeText.clean(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func score(_ record: TranscriptRecord) -> String {
            let value = record.finalScore ?? record.score ?? 0
            var html =
                "<div class=\"score \(h(record.band ?? "weak"))\"><span class=\"num\">\(DisplayFormat.score(value))</span>/100 <span class=\"bar\"><span style=\"width:\(value.clampedInt(in: 0...100, rounding: .towardZero))%\"></span></span> <span class=\"band\">\(h(record.band ?? ""))</span></div><ul class=\"concepts\">"
            for match in record.matched ?? [] { html += "<li class=\"hit\">✓ \(h(match.concept)) <q>\(h(match.evidence))</q></li>" }
            for missed in record.missed ?? [] { html += "<li class=\"miss\">✗ \(h(missed.concept))</li>" }
            return html + "</ul><p class=\"feedback\">\(h(record.feedback ?? ""))</p>"
        }
        func reviews(_ question: ReplayedQuestion, _ attempt: Int) -> String {
            reviewSentences(question, attempt: attempt).map {
                $0.current ? "<p class=\"review\">\(h($0.text))</p>" : "<p class=\"review old\"><s>\(h($0.text))</s> (superseded)</p>"
            }.joined()
        }
        let title = "Session of \(log.startedAt.map(SessionReplayView.dateText) ?? "?")\(log.candidate.map { " · " + $0 } ?? "") · \(log.scenario)"
        let reviewed = log.reviewedOverall.map { " · reviewed <strong>\(reviewedText($0))/100</strong>" } ?? ""
        var body =
            "<header><h1>\(h(title))</h1><p>Overall <strong>\(DisplayFormat.score((log.overall * 10).rounded() / 10))/100</strong> · \(log.answered) of \(log.questions.count) answered\(log.end == nil ? " · unfinished" : "")\(reviewed)</p></header>"
        for question in log.questions {
            body +=
                "<section><h2><span class=\"n\">\(question.number)</span> \(h(question.prompt))</h2><p class=\"meta\">\(h(question.id)) · \(h(question.topic)) · \(h(question.difficulty))</p>"
            for hint in question.hints { body += "<p class=\"hint\">Hint: \(h(hint))</p>" }
            if let answer = question.answer { body += "<blockquote>\(rich(answer.text, escape: h))</blockquote>" }
            if let record = question.score { body += score(record) }
            body += reviews(question, 1)
            if let followUp = question.followUp { body += "<p class=\"followup\">Follow-up — \(h(followUp))</p>" }
            if let answer = question.followUpAnswer {
                body += "<blockquote>\(rich(answer.text, escape: h))</blockquote>"
            }
            if let record = question.followUpScore { body += score(record) }
            body += reviews(question, 2)
            if question.skipped { body += "<p class=\"meta\">Skipped.</p>" }
            if let reference = references[question.id] {
                body += "<details><summary>Reference answer</summary><p>\(h(reference))</p></details>"
            }
            body += "</section>"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title))</title>
            <style>
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2125;background:#fbfbfa}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:0 0 .25rem}
            section{background:#fff;border:1px solid #e3e3e0;border-radius:10px;padding:1rem 1.25rem;margin:1rem 0}
            .n{display:inline-block;min-width:1.6rem;color:#777}.meta{color:#777;font-size:.85rem;margin:0 0 .75rem}
            blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:3px solid #8aa4c8;background:#f3f6fa;white-space:normal}
            .score{font-weight:600;margin:.5rem 0}.num{font-size:1.2rem}.bar{display:inline-block;width:8rem;height:.5rem;background:#e6e6e6;border-radius:4px;vertical-align:middle;overflow:hidden}
            .bar span{display:block;height:100%;background:#c0392b}.partial .bar span{background:#d68910}.strong .bar span{background:#1e8449}
            .band{text-transform:uppercase;font-size:.75rem;letter-spacing:.05em;color:#555}
            .concepts{list-style:none;padding:0;margin:.25rem 0}.hit{color:#1e8449}.miss{color:#a93226}q{color:#555}
            .hint{color:#9a7d0a}.followup{font-style:italic}.feedback{margin:.25rem 0 0}
            pre{background:#f5f5f2;border:1px solid #e3e3e0;border-radius:6px;padding:.5rem .75rem;overflow-x:auto;white-space:pre}
            details{margin:.5rem 0 0}summary{cursor:pointer;color:#555}
            .review{margin:.5rem 0 0;padding:.25rem .5rem;border-left:3px solid #6c5ce7;background:#f4f2fd}.review.old{color:#777;background:none}
            </style></head>
            <body>\(body)</body></html>

            """
    }

    /// An answer as HTML: prose with its line breaks, and ``` blocks as code.
    static func rich(_ text: String, escape h: (String) -> String) -> String {
        var html = ""
        var prose: [String] = []
        var code: [String]?
        func flushProse() {
            if !prose.isEmpty { html += prose.map(h).joined(separator: "<br>") }
            prose = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let fence = line.trimmingCharacters(in: .whitespaces).hasPrefix("```")
            if var open = code {
                if fence {
                    html += "<pre><code>\(open.map(h).joined(separator: "\n"))</code></pre>"
                    code = nil
                } else {
                    open.append(line)
                    code = open
                }
            } else if fence {
                flushProse()
                code = []
            } else {
                prose.append(line)
            }
        }
        if let open = code { html += "<pre><code>\(open.map(h).joined(separator: "\n"))</code></pre>" }
        flushProse()
        return html
    }

    static func json(_ log: SessionLog) throws -> String {
        struct Document: Encodable {
            let path: String
            let start: TranscriptRecord?
            let questions: [QuestionDocument]
            let end: TranscriptRecord?
        }
        struct QuestionDocument: Encodable {
            let id: String, number: Int, prompt: String, topic: String, difficulty: String
            let hints: [String], answer: String?, score: TranscriptRecord?, followUp: String?, followUpAnswer: String?
            let followUpScore: TranscriptRecord?, skipped: Bool, finalScore: Double?
            let reviews: [AnswerReview], reviewedScore: Double?
            enum CodingKeys: String, CodingKey {
                case id, number, prompt, topic, difficulty, hints, answer, score, skipped, reviews
                case reviewedScore = "reviewed_score"
                case followUp = "follow_up"
                case followUpAnswer = "follow_up_answer"
                case followUpScore = "follow_up_score"
                case finalScore = "final_score"
            }
        }
        let document = Document(
            path: log.path, start: log.start,
            questions: log.questions.map {
                QuestionDocument(
                    id: $0.id, number: $0.number, prompt: $0.prompt, topic: $0.topic, difficulty: $0.difficulty, hints: $0.hints,
                    answer: $0.answer?.text, score: $0.score, followUp: $0.followUp, followUpAnswer: $0.followUpAnswer?.text,
                    followUpScore: $0.followUpScore, skipped: $0.skipped, finalScore: $0.finalScore, reviews: $0.reviews,
                    reviewedScore: $0.reviewedScore)
            },
            end: log.end)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONEscaping.escapingC1(String(decoding: try encoder.encode(document), as: UTF8.self)) + "\n"
    }
}
