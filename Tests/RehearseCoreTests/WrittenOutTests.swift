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

    @Test func civilTimeIsWhatGlibcSaysForEveryFourDigitYear() {
        var generator = SystemRandomNumberGenerator()
        let first = -63_145_526_400  // 0000-01-01T00:00:00Z, in seconds from 2001
        let last = 252_423_993_599  // 9999-12-31T23:59:59Z
        var seconds = [first, first + 1, last - 1, last, 0, -1, 1, -86_400, 86_399, -978_307_200, -978_307_201]
        // Around each year's start and each leap day, in a few centuries' leap rules.
        for year in [1, 4, 100, 399, 400, 1600, 1900, 1970, 2000, 2001, 2024, 2100, 2400, 9999] {
            var parts = tm()
            parts.tm_year = Int32(year - 1900)
            parts.tm_mday = 1
            let start = Int(timegm(&parts)) - 978_307_200
            seconds += [start - 1, start, start + 59 * 86_400 - 1, start + 59 * 86_400, start + 60 * 86_400]
        }
        for _ in 0..<50_000 { seconds.append(Int.random(in: first...last, using: &generator)) }
        for second in seconds {
            var time = time_t(second + 978_307_200)
            var parts = tm()
            gmtime_r(&time, &parts)
            let civil = CivilTime(secondsSince2001: second)
            #expect(
                civil
                    == CivilTime(
                        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday), hour: Int(parts.tm_hour),
                        minute: Int(parts.tm_min), second: Int(parts.tm_sec)), "\(second)")
        }
        #expect(CivilTime(secondsSince2001: first - 1) == nil)
        #expect(CivilTime(secondsSince2001: last + 1) == nil)
        #expect(CivilTime(secondsSince2001: .min) == nil)
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

    @Test func scenarioFingerprintsAreTheHashOfTheJoinedParts() throws {
        var scenarios = try CatalogLoader.load(.builtin).validCatalog().scenarios
        let odd = Scenario(
            id: "odd", title: "Commas, é and \u{1F}", description: "", interviewer: Interviewer(name: "Sam", greeting: "", closing: ""),
            draw: Draw(banks: ["a", "", "b,c"], topics: [""], tags: ["x", "y"]), count: nil, startDifficulty: .hard, adaptive: false,
            timeLimit: 90, location: SourceLocation(path: "x.yaml", line: 1, column: 1))
        scenarios += [
            odd,
            Scenario(
                id: "", title: "", description: "", interviewer: odd.interviewer, draw: Draw(), count: 0,
                startDifficulty: .easy, adaptive: true, timeLimit: nil, location: odd.location),
        ]
        for scenario in scenarios {
            let draw = scenario.draw
            let joined = [
                scenario.id, scenario.title, draw.banks.joined(separator: ","), draw.topics.joined(separator: ","),
                draw.tags.joined(separator: ","), String(scenario.count ?? 0), scenario.startDifficulty.rawValue,
                String(scenario.adaptive), String(scenario.timeLimit ?? 0),
            ].joined(separator: "\u{1F}")
            #expect(ContentHash.of(scenario) == ContentHash.fnv(joined), "\(scenario.id)")
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
