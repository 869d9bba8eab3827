import Foundation
import RehearseAPI
import RehearseCore
import RehearseScoring

/// What the fuzzers (Fuzz/, `make fuzz`) feed arbitrary bytes to: each parser of outside input,
/// with what follows it in the product. The same entry points run the saved crash inputs in the
/// test suite, so a crash found once stays fixed.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A bank or scenario file: YAML, the loader and the validator.
    case loader
    /// A transcript: the reader and the reports built on it.
    case transcript
    /// A Markdown guide: the importer, concept suggestions and the bank writer.
    case importer
    /// An answer: the tokenizer, the matcher and the scorer.
    case scorer
    /// A configuration file.
    case config
    /// A request body of the daemon's API.
    case request

    /// Runs the target on `data`. Errors are expected answers to bad input; only a crash, a hang
    /// or a blow-up is a finding.
    public func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .loader:
            let result = CatalogLoader.load(files: [ScenarioFile(path: "fuzz.yaml", text: text)], authoring: true)
            if let question = result.catalog.questions.first {
                _ = Scorer(corpus: result.catalog.corpus).score("an answer about caching and the ORM", for: question.scoringQuestion)
            }
        case .transcript:
            guard let log = try? TranscriptReader.parse(data, path: "fuzz.jsonl") else { return }
            _ = PracticeProgress(sessions: [log])
            _ = ReviewSchedule.items(from: [log])
            _ = try? HistoryReport(sessions: [log], folder: "fuzz").jsonText()
        case .importer:
            var report = GuideImporter(topic: nil, fallbackTopic: "fuzz").parse(text)
            ConceptSuggester.suggest(&report.questions)
            _ = try? BankWriter.yaml(report.questions, guide: "fuzz.md")
        case .scorer:
            _ = Scorer().score(text, for: Self.question)
        case .config:
            _ = try? ConfigLoader(environment: [:], shipped: ScenarioFile(path: "fuzz.yaml", text: text), userFilePath: "/nonexistent/config.yaml")
                .load()
        case .request:
            _ = try? StrictJSON.decode(CreateSessionRequest.self, from: data)
            _ = try? StrictJSON.decode(InputRequest.self, from: data)
        }
    }

    /// A real bank question, so answers meet real concepts, synonyms and references.
    private static let question: ScoringQuestion = {
        let catalog = try? CatalogLoader.load(.builtin).validCatalog()
        return catalog?.questions.first?.scoringQuestion ?? ScoringQuestion(prompt: "What is caching?", references: ["Caching stores results."])
    }()
}
