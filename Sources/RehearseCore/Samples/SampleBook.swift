import Foundation
import RehearseScoring

/// Graded answers given from outside the banks, by question id: a samples file
/// (`--samples FILE`, JSON Lines `{"question_id", "answer", "score"}` with `score` 0–100),
/// and later reviewers' grades.
public struct SampleBook: Sendable {
    /// The samples of each question id, in the order given.
    public private(set) var byQuestion: [String: [GradedSample]] = [:]
    /// Where each question id was first named (`FILE:LINE`), for errors about unknown ids.
    private var firstSeen: [String: String] = [:]

    /// An empty book.
    public init() {}

    /// Whether the book has no samples.
    public var isEmpty: Bool { byQuestion.isEmpty }

    /// How many samples the book holds.
    public var count: Int { byQuestion.values.reduce(0) { $0 + $1.count } }

    /// Adds one sample of question `id`.
    public mutating func add(_ sample: GradedSample, to id: String, at place: String) {
        byQuestion[id, default: []].append(sample)
        if firstSeen[id] == nil { firstSeen[id] = place }
    }

    /// Adds every line of the samples file at `path`.
    /// - Throws: ``CoreError/samplesLine(path:line:message:)`` for the first bad line, and
    ///   ``CoreError/unreadable(path:reason:)`` when it cannot be read.
    public mutating func load(path: String) throws {
        // Bounded, so a huge file or a device such as /dev/zero is refused, not read forever.
        let text = try TextFile.read(path, limit: Self.maxBytes)
        guard text.utf8.count <= Self.maxBytes else {
            throw CoreError.unreadable(path: path, reason: "larger than \(Self.maxBytes >> 20) MiB (split it into several --samples files)")
        }
        try read(text, path: path)
    }

    /// The largest samples file read, in bytes.
    public static let maxBytes = 64 << 20

    /// Adds every line of `text`, a samples file named `path` in messages.
    public mutating func read(_ text: String, path: String) throws {
        // Split on Characters: "\r\n" is one, so files with Windows line ends read the same.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            func fail(_ message: String) -> CoreError { .samplesLine(path: path, line: number, message: message) }
            guard let value = JSONLineValue.parse(String(line)), let object = value.object else {
                throw fail("not a JSON object (each line is one {\"question_id\", \"answer\", \"score\"})")
            }
            guard let id = object["question_id"]?.string, !id.isEmpty else { throw fail("missing \"question_id\" (the bank question it answers)") }
            guard let answer = object["answer"]?.string else { throw fail("missing \"answer\" (a string)") }
            guard let score = object["score"]?.double, (0...100).contains(score) else {
                let got = object["score"].map(Self.shown) ?? "nothing"
                throw fail("\"score\" must be a number from 0 to 100 (the grade a person gave the answer), got \(got)")
            }
            add(
                GradedSample(answer: answer, score: score, label: "\((path as NSString).lastPathComponent):\(number)"), to: id,
                at: "\(path):\(number)")
        }
    }

    /// A JSON value as a user wrote it, roughly, for a message.
    private static func shown(_ value: JSONLineValue) -> String {
        switch value {
        case .string(let text): "\"\(text.prefix(40))\""
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// The book's question ids that are not in `known`, each with where it was first named.
    public func unknownIDs(among known: Set<String>) -> [(id: String, place: String)] {
        byQuestion.keys.filter { !known.contains($0) }.sorted().map { ($0, firstSeen[$0] ?? "") }
    }
}
