import Foundation
import RehearseScoring

/// Scores a JSON Lines batch in input order. idf weights come from the batch's own questions
/// (each distinct prompt and reference is one document), so a file scores the same whichever
/// order its lines are in. Lines are parsed and scored on every core.
public struct BatchScorer {
    /// The scorer's parameters.
    public let settings: ScorerSettings
    /// Graded samples from outside the file, by `question_id`.
    public let samples: SampleBook
    /// Loads the banks, only if a line names a `question_id`.
    public let catalog: () throws -> Catalog

    /// Creates a batch scorer; `samples` count for the lines with their `question_id`.
    public init(settings: ScorerSettings, samples: SampleBook = SampleBook(), catalog: @escaping () throws -> Catalog) {
        self.settings = settings
        self.samples = samples
        self.catalog = catalog
    }

    /// Warnings for the question ids of ``samples`` no line of the batch has.
    public func unusedSamples(_ outcomes: [BatchOutcome]) -> [String] {
        let used = Set(outcomes.compactMap { $0.item?.questionKey })
        return samples.unknownIDs(among: used).map { "\($0.place): no line of the batch has question_id \"\($0.id)\"; its samples were not used" }
    }

    /// One outcome per non-blank line of `text`, in order.
    public func score(text: String) -> [BatchOutcome] {
        // Lines are byte ranges of the text, parsed where they lie: a copy of each line as a
        // string cost as much as parsing it.
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let text = contiguous
        var lines: [(number: Int, range: Range<Int>)] = []
        contiguous.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var number = 1
            while start <= bytes.count {
                let rest = bytes.count - start
                let newline = rest == 0 ? nil : memchr(base + start, 0x0A, rest)
                let end = newline.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { lines.append((number, start..<end)) }
                start = end + 1
                number += 1
            }
        }
        let parsed = ParallelMap.map(
            lines, makeState: { RecentStrings() },
            transform: { recent, line in
                text.utf8.withContiguousStorageIfAvailable { bytes in
                    BatchLineParser.parse(UnsafeBufferPointer(rebasing: bytes[line.range]), line: line.number, recent: &recent)
                } ?? .failure(.batchLine(line.number, "could not be read"))  // never: the text is contiguous
            })
        let resolved = resolve(parsed)

        // Lines of one question share a key: compare documents only within a key, which is
        // cheaper than hashing every line's prompt and references.
        var seen: [String: [[String]]] = [:]
        var documents: [String] = []
        var samples = self.samples.byQuestion
        for case .success(let item) in resolved {
            if item.isSample, let gold = item.gold {
                samples[item.questionKey, default: []].append(GradedSample(answer: item.answer, score: gold * 100, label: "line \(item.line)"))
            }
            let known = seen[item.questionKey, default: []]
            if !known.contains(where: { $0[0] == item.question.prompt && $0.dropFirst().elementsEqual(item.question.references) }) {
                let document = [item.question.prompt] + item.question.references
                seen[item.questionKey, default: []].append(document)
                documents.append(document.joined(separator: "\n"))
            }
        }
        let corpus = Self.corpus(of: documents)
        // Samples count for the other lines of their question only, in file order. Lines of one
        // question share one question value, so the scorer finds its analysis by identity.
        var extended: [String: ScoringQuestion] = [:]
        let items = resolved.map { result in
            result.map { item in
                guard !item.isSample, let extra = samples[item.questionKey] else { return item }
                if let shared = extended[item.questionKey], shared.prompt == item.question.prompt,
                    shared.references == item.question.references, shared.concepts == item.question.concepts
                {
                    return item.replacing(question: shared)
                }
                let question = item.adding(samples: extra)
                extended[item.questionKey] = question.question
                return question
            }
        }
        let settings = settings
        // One analysis per question for all workers: with graded samples, preparing a question
        // (scoring each sample against the others) costs more than scoring a few answers.
        let cache = PreparedCache()
        let makeScorer: @Sendable () -> Scorer = { Scorer(settings: settings, corpus: corpus, cache: cache) }
        return ParallelMap.map(items, makeState: makeScorer) { scorer, result in
            switch result {
            case .success(let item) where item.isSample:
                BatchOutcome(line: item.line, report: nil, error: nil, item: item)
            case .success(let item):
                BatchOutcome(line: item.line, report: scorer.score(item.answer, for: item.question), error: nil, item: item)
            case .failure(let error):
                BatchOutcome(line: error.line ?? 0, report: nil, error: error, item: nil)
            }
        }
    }

    /// The idf corpus of `documents`, as `Corpus(documents:)` makes it but analysed on every
    /// core: a batch's questions take as long to analyse as its thousands of lines to parse.
    private static func corpus(of documents: [String]) -> Corpus {
        let stems = ParallelMap.map(documents, minimumPerWorker: 16, makeState: { TextAnalyzer() }, transform: { $0.stems($1) })
        var corpus = Corpus()
        for document in stems { corpus.add(stems: document) }
        return corpus
    }

    /// Looks up bank questions, loading the banks once and only if a line needs them.
    private func resolve(_ parsed: [ParsedLine]) -> [Result<BatchItem, CoreError>] {
        var loaded: Result<Catalog, Error>?
        return parsed.map { line in
            switch line {
            case .inline(let item): return .success(item)
            case .failure(let error): return .failure(error)
            case .bank(let id, let answer, let gold, let number, let isSample):
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
                    return .success(
                        BatchItem(line: number, question: question.scoringQuestion, answer: answer, questionKey: id, gold: gold, isSample: isSample))
                }
            }
        }
    }
}
