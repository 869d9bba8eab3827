import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// Time stamps, question fingerprints and recent ids are written out by hand on the hot paths:
/// each must give exactly what the Foundation way gives, since transcripts already on disk hold
/// the old output.
@Suite struct WrittenOutTests {
    func foundationISO(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(
                separator: .omitted))
    }

    @Test func timestampsMatchFoundationToTheMillisecond() {
        var generator = SystemRandomNumberGenerator()
        var dates = [
            0, 0.0005, 0.9995, 0.9999, -0.5, -1.2345, 1e-9, 1_764_146_399.999999, 253_402_300_799.9,
            // Past year 9999: written the long way. (Before 1582 Foundation counts Julian days.)
            253_402_300_800.5, 300_000_000_000,
        ].map(Date.init(timeIntervalSince1970:))
        for index in 0..<20_000 {
            let whole = Double(Int.random(in: -100_000_000...4_000_000_000, using: &generator))
            switch index % 3 {
            case 0: dates.append(Date(timeIntervalSince1970: whole + Double.random(in: 0..<1, using: &generator)))
            case 1: dates.append(Date(timeIntervalSince1970: whole + Double(Int.random(in: 0...999, using: &generator)) / 1000))
            default: dates.append(Date(timeIntervalSince1970: whole + 0.9995 + Double.random(in: 0..<0.0005, using: &generator)))
            }
        }
        for date in dates {
            #expect(TranscriptRecord.timestamp(date) == foundationISO(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func fileStampsAreLocalTimeDigits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &generator)) + 0.7)
            var time = time_t(date.timeIntervalSince1970.rounded(.towardZero))
            var parts = tm()
            localtime_r(&time, &parts)
            let expected = String(
                format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min,
                parts.tm_sec)
            #expect(TranscriptFile.fileStamp(date) == expected)
        }
    }

    @Test func questionFingerprintsAreTheHashOfTheJoinedParts() throws {
        let catalog = try CatalogLoader.load(.builtin).validCatalog()
        var questions = catalog.questions
        questions.append(
            Question(
                id: "odd.one", topic: "t", difficulty: .hard, prompt: "Prompt with \u{1F} and é", answer: "",
                concepts: [Concept(name: "n", terms: [], weight: 2.5, required: true), Concept(name: "", terms: ["a", ""])],
                location: SourceLocation(path: "x.yaml", line: 1, column: 1)))
        // Weights written the quick way (whole numbers) and the general way, side by side.
        let weights: [Double] = [0, -0.0, 1, 3, -2, 0.1, 1e-7, 999_999, 1e6, 123_456_789, 1e15, 1e16, .infinity, -.infinity, .nan]
        questions.append(
            Question(
                id: "weights", topic: "t", difficulty: .easy, prompt: "p", answer: "a",
                concepts: weights.map { Concept(name: "c", terms: ["x"], weight: $0) },
                location: SourceLocation(path: "x.yaml", line: 1, column: 1)))
        #expect(questions.count > 50)
        for question in questions {
            var parts = [question.id, question.prompt, question.answer, question.difficulty.rawValue]
            for concept in question.concepts { parts += [concept.name] + concept.terms + [String(concept.weight), String(concept.required)] }
            #expect(ContentHash.of(question) == ContentHash.fnv(parts.joined(separator: "\u{1F}")), "\(question.id)")
            #expect(ContentHash.of(question) == ContentHash.computed(question), "\(question.id), cached")
        }
        // A question changed under the same id gets its own fingerprint, not the cached one.
        var changed = questions[0]
        changed.answer += " And one more sentence."
        #expect(ContentHash.of(changed) == ContentHash.computed(changed) && ContentHash.of(changed) != ContentHash.of(questions[0]))
        // Equal by `==` but not byte for byte: each gets the fingerprint of its own bytes.
        var composed = questions[0]
        composed.prompt = "Caf\u{E9} " + composed.prompt
        var decomposed = questions[0]
        decomposed.prompt = "Cafe\u{301} " + decomposed.prompt
        var negative = questions[0]
        negative.concepts = [Concept(name: "c", terms: ["x"], weight: -0.0)]
        var positive = negative
        positive.concepts[0].weight = 0
        for (a, b) in [(composed, decomposed), (negative, positive)] {
            #expect(a == b)
            #expect(ContentHash.of(a) == ContentHash.computed(a) && ContentHash.of(b) == ContentHash.computed(b))
            #expect(ContentHash.of(a) != ContentHash.of(b))
        }
    }
}

/// Inputs are told apart from commands without trimming every answer: the quick test must
/// agree with trimming first.
@Suite struct SessionCommandParseTests {
    func byTrimming(_ line: String) -> (command: SessionCommand?, typed: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/"), !trimmed.contains(" "), trimmed.count > 1 else { return nil }
        return (SessionCommand(rawValue: String(trimmed.dropFirst()).lowercased()), trimmed)
    }

    @Test(arguments: [
        "/hint", "  /HINT\t", "/skip now", "/nope", "/", "an answer", "  an answer", "\t/quit", "\u{A0}/quit", "\u{3000}/hint", "é/hint",
        "", "   ", "\n/hint", "/hint\n", "1/2", "\u{2003}answer",
    ])
    func agreesWithTrimmingFirst(line: String) {
        let quick = SessionCommand.parse(line)
        let slow = byTrimming(line)
        #expect(quick?.command == slow?.command)
        #expect(quick?.typed == slow?.typed)
    }
}

/// Answers and settings skip NSString when there is nothing to trim, and are otherwise trimmed
/// exactly as Foundation trims them (U+200B included).
@Suite struct TrimmingTests {
    @Test(arguments: [
        "answer", " answer ", "\u{200B}", "yes\u{200B}", "\u{A0}x\u{A0}", "\n5\n", "5\r", "\u{2028}x", "\u{85}x", "\u{FEFF}x", "", " ", "a b",
        "\ttab", "é", "x\u{3000}",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimming(.whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimming(.whitespaces) == text.trimmingCharacters(in: .whitespaces))
    }
}
