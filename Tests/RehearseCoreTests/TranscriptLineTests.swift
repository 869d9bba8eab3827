import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// The hand-written transcript line must be byte for byte what JSONEncoder wrote before it:
/// readers, exports and the PostgreSQL store hold lines in that form.
@Suite("Transcript lines are written exactly as JSONEncoder writes them")
struct TranscriptLineTests {
    static func reference(_ record: TranscriptRecord) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return [UInt8](try encoder.encode(record))
    }

    @Test("every line of real sessions: answers, follow-ups, hints, skips, samples, reviews")
    func realSessions() throws {
        let catalog = try CatalogLoader.load(.builtin).validCatalog()
        let answers = [
            "It uses middleware that checks a CSRF token on every POST form; \"quoted\" and a \\ backslash.",
            "/hint", "The ORM maps models to tables.\n```python\nx = {'a': 1}\t# tab\n```", "/skip", "No idea.", "/hint", "/hint",
            "Caching stores results — é, 李, 😀 — in memcached.",
        ]
        var lines = 0
        for scenario in catalog.scenarios {
            for seed in UInt64(0)..<3 {
                let sink = MemoryTranscript()
                let session = InterviewSession(
                    scenario: scenario, pool: catalog.pool(for: scenario),
                    options: SessionOptions(count: 4, seed: seed, candidate: seed == 1 ? "Ana \"A\" Lima" : nil),
                    scorer: Scorer(corpus: catalog.corpus), clock: SystemClock(), transcript: sink)
                _ = session.start()
                for answer in answers where !session.isFinished { _ = session.handle(answer) }
                for record in sink.records {
                    #expect(TranscriptLine.encode(record) == (try Self.reference(record)), "\(record.type.rawValue)")
                    try expectStampedAsRecord(record)
                    lines += 1
                }
            }
        }
        #expect(lines > 500)
        let review = AnswerReview.record(
            questionID: "q", attempt: 2, score: 72.5, scorerScore: 0.30000000000000004, note: "a/b\n\u{1}", reviewer: "Bo", at: Date())
        #expect(TranscriptLine.encode(review) == (try Self.reference(review)))
    }

    /// A stamped line appended after other bytes is the record with the stamp's members set,
    /// encoded on its own; the bytes before it are left as they were.
    func expectStampedAsRecord(_ record: TranscriptRecord) throws {
        for stamp in [
            TranscriptLine.Stamp(), TranscriptLine.Stamp(inputID: "in-7"),
            TranscriptLine.Stamp(sessionID: "s/1", tokenHash: "ab\"c"),
        ] {
            var stamped = record
            stamped.inputID = stamp.inputID ?? record.inputID
            stamped.sessionID = stamp.sessionID ?? record.sessionID
            stamped.tokenHash = stamp.tokenHash ?? record.tokenHash
            var bytes = Array("{\"earlier\":1}\n".utf8)
            TranscriptLine.append(record, stamp: stamp, to: &bytes)
            #expect(bytes == Array("{\"earlier\":1}\n".utf8) + (try Self.reference(stamped)), "\(record.type.rawValue)")
        }
    }

    @Test("every field, awkward numbers and every kind of character")
    func everyField() throws {
        let numbers: [Double] = [
            0, -0.0, 85, 41.3, 0.1 + 0.2, 1e16, 1e-7, 1.2345678901234568e17, 1.7976931348623157e308, 2.5e15, 1e15, 33.333333333333336,
        ]
        let texts = ["", "plain", "a\"b\\c/d", "\u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}", "é\u{2028}\u{1F600}\u{202E}", "</script>"]
        for (index, number) in numbers.enumerated() {
            let text = texts[index % texts.count]
            var record = TranscriptRecord(.score, at: Date(timeIntervalSince1970: Double(index) * 1000.123))
            record.schema = index
            record.rehearseVersion = text
            record.scenario = text
            record.scenarioHash = "0123"
            record.seed = "18446744073709551615"
            record.options = ["count": "5", text: text, "adaptive": "true", "Z": "upper"]
            record.sessionID = "id"
            record.tokenHash = text
            record.candidate = text
            record.questionID = text
            record.number = -index
            record.questionHash = text
            record.prompt = text
            record.topic = text
            record.difficulty = text
            record.text = text
            record.inputID = text
            record.isFollowUp = index % 2 == 0
            record.askedAt = text
            record.answeredAt = text
            record.elapsedSeconds = number
            record.overtime = index % 3 == 0
            record.score = number
            record.finalScore = number
            record.band = text
            record.matched = [
                ConceptMatch(concept: text, term: text, evidence: text, span: [0, index, Int.max]),
                ConceptMatch(concept: "", term: "", evidence: "", span: []),
            ]
            record.missed = [MissedConcept(concept: text, weight: number, required: index % 2 == 1)]
            record.feedback = text
            record.conceptScore = number
            record.matchedSample = SampleNeighbour(label: text, score: number, similarity: number, scored: index % 2 == 0 ? nil : number)
            record.closestSamples = index % 4 == 0 ? [] : [SampleNeighbour(label: text, score: number, similarity: 0.5, scored: number)]
            record.relevance = number
            record.hintsUsed = index
            record.attempt = index
            record.scorerScore = number
            record.note = text
            record.reviewer = text
            record.reason = text
            record.answered = index
            record.skipped = index
            record.overall = number
            record.durationSeconds = number
            #expect(TranscriptLine.encode(record) == (try Self.reference(record)), "\(number) \(text.debugDescription)")
            // One record: two `Date()`s a millisecond apart would make two different lines.
            let end = TranscriptRecord(.sessionEnd, at: Date())
            #expect(TranscriptLine.encode(end) == (try Self.reference(end)))
        }
    }
}
