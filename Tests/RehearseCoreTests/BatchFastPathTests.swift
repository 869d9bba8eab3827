import Foundation
import RehearseScoring
import Testing

@testable import RehearseCore

/// The batch path reads lines where they lie in the file, shares repeated strings, fills its
/// results in place on every core and writes JSON by hand: each must give what the plain way
/// (a scorer per line, JSONSerialization) gives.
@Suite struct BatchFastPathTests {
    /// Many lines over a few questions, in runs and interleaved, so that both workers run,
    /// questions repeat across the split, and a line's strings are shared with earlier ones.
    func lines(count: Int) -> [String] {
        let questions = [
            ("What does the CSRF middleware check?", "It checks a secret token sent with every unsafe request."),
            ("Why use select_related?", "It follows foreign keys in the same SQL query, avoiding extra queries."),
            ("What is a migration?", "A migration records a change to the models so the database schema follows it."),
        ]
        let answers = [
            "a token in each POST form", "it joins the related tables in one query", "the schema changes with the models",
            "no idea", "It checks the tokken of unsafe requests", "extra queries are avoided by following foreign keys",
        ]
        return (0..<count).map { index in
            let (prompt, reference) = questions[(index / 7) % questions.count]
            let answer = answers[index % answers.count] + (index.isMultiple(of: 5) ? " (line \(index))" : "")
            let object: [String: Any] = [
                "dataset": "a dataset name longer than sixteen", "question": prompt, "reference": reference, "answer": answer,
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func aLargeBatchScoresEveryLineAsAScorerOfItsOwnWould() throws {
        let lines = lines(count: 1_200)
        let outcomes = BatchScorer(settings: ScorerSettings(), catalog: { throw CoreError.pathNotFound("no banks") })
            .score(text: lines.joined(separator: "\n") + "\n")
        #expect(outcomes.count == lines.count)

        var documents: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let document = [object["question"]!, object["reference"]!].joined(separator: "\n")
            if !documents.contains(document) { documents.append(document) }
        }
        let scorer = Scorer(settings: ScorerSettings(), corpus: Corpus(documents: documents))
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let question = ScoringQuestion(prompt: object["question"]!, references: [object["reference"]!])
            let expected = scorer.score(object["answer"]!, for: question)
            #expect(outcomes[index].line == index + 1)
            #expect(outcomes[index].report == expected, "line \(index + 1)")
        }
    }

    @Test func membersAreReadByNameLastOneWinningWhateverTheirSpellingOrNeighbours() {
        let text = [
            #"  {"answer": "first", "ans\u0077er": "a queue is first in first out", "reference": "first in first out", "extra": {"nested": [1, {"x": null}]}}  "#,
            "   \t\r",
            #"{"reference": "first in first out", "answer": "first in first out", "answer": 7}"#,
            #"{"reference": "first in first out", "answer": "x",}"#,
            #"{"reference": "first in first out", "answer": "x"} {}"#,
            #"["answer", "reference"]"#,
        ].joined(separator: "\r\n")
        let outcomes = BatchScorer(settings: ScorerSettings(), catalog: { throw CoreError.pathNotFound("no banks") }).score(text: text)
        #expect(outcomes.map(\.line) == [1, 3, 4, 5, 6])
        #expect(outcomes[0].item?.answer == "a queue is first in first out")
        #expect(outcomes[0].report?.score == 100)
        #expect(outcomes[1].jsonLine == #"{"score": null, "error": "\"answer\" must be a string"}"#)
        for outcome in outcomes.dropFirst(2) {
            #expect(outcome.error?.description.contains("not a JSON object") == true, "line \(outcome.line)")
        }
    }

    @Test func quotingMatchesJSONAndEscapesOnlyWhatItMust() throws {
        #expect(JSONText.quote("a \"b\" \\ c/d") == #""a \"b\" \\ c/d""#)
        #expect(JSONText.quote("tab\tline\nreturn\r\u{1}\u{1F}") == #""tab\tline\nreturn\r\u0001\u001f""#)
        #expect(JSONText.quote("é — 😀 \u{2028}") == "\"é — 😀 \u{2028}\"")
        #expect(JSONText.quote("\u{8}\u{C}") == #""\u0008\u000c""#)
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab\"\\/\n\r\t\u{0}\u{8}\u{C}\u{7F}é😀 ".unicodeScalars)
        for _ in 0..<300 {
            let text = String(
                String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.quote(text).utf8), options: [.fragmentsAllowed]) as? String
            #expect(decoded == text)
        }
    }

    @Test func everyByteThatNeedsAnEscapeIsEscapedAtEveryPositionOfALongText() throws {
        // The writer skips eight plain bytes at a time: each escape must be found wherever it
        // falls in a word, beside multi-byte UTF-8 and bytes just outside the escaped ranges.
        let specials = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) } + ["\"", "\\"]
        let neighbours: [Character] = [" ", "!", "#", "[", "]", "\u{7F}", "é", "😀"]
        for special in specials {
            for position in 0..<24 {
                for filler in neighbours {
                    var characters = Array(repeating: filler, count: 24)
                    characters[position] = special
                    let text = String(characters)
                    let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.quote(text).utf8), options: [.fragmentsAllowed]) as? String
                    #expect(decoded == text, "\(special.unicodeScalars.first!.value) at \(position) among \(filler)")
                }
            }
        }
        #expect(JSONText.quote(String(repeating: "plain text ", count: 10)) == "\"" + String(repeating: "plain text ", count: 10) + "\"")
    }

    @Test func repeatedLongStringsAreSharedAndShortOrDifferentOnesAreNot() {
        var recent = RecentStrings()
        func make(_ text: String) -> String {
            var text = text
            return text.withUTF8 { recent.string($0) }
        }
        let first = make("a prompt that is long enough to share")
        let again = make("a prompt that is long enough to share")
        #expect(again == first)
        #expect(again.utf8.withContiguousStorageIfAvailable { $0.baseAddress } == first.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
        #expect(make("a prompt that is long enough to sharE") == "a prompt that is long enough to sharE")
        #expect(make("short") == "short")
        for index in 0..<20 { _ = make("filler string number \(index) to push the others out") }
        #expect(make("a prompt that is long enough to share") == first)
    }
}

/// Reading a user's file straight into a string keeps what the general path did.
@Suite struct TextFileTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-textfile-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsUTF8AndDropsAByteOrderMark() throws {
        let plain = try file(Array("plain ASCII\nand more\n".utf8))
        let accented = try file(Array("café — 😀\n".utf8))
        let marked = try file([0xEF, 0xBB, 0xBF] + Array("marked".utf8))
        let empty = try file([])
        defer { for path in [plain, accented, marked, empty] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try TextFile.read(plain) == "plain ASCII\nand more\n")
        #expect(try TextFile.read(accented) == "café — 😀\n")
        #expect(try TextFile.read(marked) == "marked")
        #expect(try TextFile.read(empty) == "")
    }

    @Test(arguments: [[0x61, 0xFF, 0x62], [0x61, 0xF0, 0x90, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xC3]] as [[UInt8]])
    func refusesBytesThatAreNotUTF8(_ bytes: [UInt8]) throws {
        let path = try file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CoreError.self) { try TextFile.read(path) }
        do {
            _ = try TextFile.read(path)
        } catch {
            #expect("\(error)".contains("not UTF-8 text"))
        }
    }

    @Test func refusesAPipeAFolderOrNothingAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-textfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Nobody writes to it: opening it must not wait for a writer.
        #expect(throws: CoreError.self) { try TextFile.read(fifo) }
        #expect(throws: CoreError.self) { try TextFile.read(folder) }
        #expect(throws: CoreError.self) { try TextFile.read(folder + "/missing") }
    }
}
