import Foundation
import RehearseScoring

/// Scores a JSON Lines batch in input order. idf weights come from the batch's own questions
/// (each distinct prompt and reference is one document), so a file scores the same whichever
/// order its lines are in. Lines are parsed and scored on every core.
public struct BatchScorer {
    /// The scorer's parameters.
    public let settings: ScorerSettings
    /// Loads the banks, only if a line names a `question_id`.
    public let catalog: () throws -> Catalog

    /// Creates a batch scorer.
    public init(settings: ScorerSettings, catalog: @escaping () throws -> Catalog) {
        self.settings = settings
        self.catalog = catalog
    }

    /// One outcome per non-blank line of `text`, in order.
    public func score(text: String) -> [BatchOutcome] {
        // Split on bytes: splitting a large file by Characters costs more than scoring it.
        var lines: [(number: Int, text: String)] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var number = 1
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                append(bytes[start..<index], number)
                start = index + 1
                number += 1
            }
            append(bytes[start...], number)

            func append(_ slice: Slice<UnsafeBufferPointer<UInt8>>, _ number: Int) {
                guard !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
                lines.append((number, String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)))
            }
        }
        let parsed = ParallelMap.map(lines, makeState: { () }, transform: { _, line in BatchLineParser.parse(line.text, line: line.number) })
        let items = resolve(parsed)

        var seen = Set<ScoringQuestion>()
        var documents: [String] = []
        for case .success(let item) in items where seen.insert(item.question).inserted {
            documents.append(([item.question.prompt] + item.question.references).joined(separator: "\n"))
        }
        let corpus = Corpus(documents: documents)
        let settings = settings
        let makeScorer: @Sendable () -> Scorer = { Scorer(settings: settings, corpus: corpus) }
        return ParallelMap.map(items, makeState: makeScorer) { scorer, result in
            switch result {
            case .success(let item):
                BatchOutcome(line: item.line, report: scorer.score(item.answer, for: item.question), error: nil, item: item)
            case .failure(let error):
                BatchOutcome(line: error.line ?? 0, report: nil, error: error, item: nil)
            }
        }
    }

    /// Looks up bank questions, loading the banks once and only if a line needs them.
    private func resolve(_ parsed: [ParsedLine]) -> [Result<BatchItem, CoreError>] {
        var loaded: Result<Catalog, Error>?
        return parsed.map { line in
            switch line {
            case .inline(let item): return .success(item)
            case .failure(let error): return .failure(error)
            case .bank(let id, let answer, let gold, let number):
                let catalogResult = loaded ?? Result { try catalog() }
                loaded = catalogResult
                switch catalogResult {
                case .failure(let error):
                    return .failure(.batchLine(number, "cannot load the banks to look up \"\(id)\": \(error)"))
                case .success(let catalog):
                    guard let question = catalog.question(id: id) else {
                        let hint =
                            Suggestion.closest(to: id, among: catalog.questions.map(\.id)).map { "did you mean \"\($0)\"?" }
                            ?? "`rehearse questions` lists the ids"
                        return .failure(.batchLine(number, "unknown question_id \"\(id)\" (\(hint))"))
                    }
                    return .success(BatchItem(line: number, question: question.scoringQuestion, answer: answer, questionKey: id, gold: gold))
                }
            }
        }
    }
}
