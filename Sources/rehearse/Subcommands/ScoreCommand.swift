import ArgumentParser
import Foundation
import RehearseCore
import RehearseScoring
import RehearseTerminal

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score an answer, or a JSON Lines batch of answers, and explain the score.",
        discussion: """
            One answer: rehearse score --question django.csrf "It stops cross-site request forgery..." \
            (or the answer on standard input).

            A batch: rehearse score --batch answers.jsonl (- for standard input). Each line is an \
            object with "answer" and either "reference" (plus optional "question", "references" and \
            "concepts") or "question_id" naming a bank question; other fields are ignored. Each output \
            line is {"score", "band", "matched", "missed"}, in input order; a line that cannot be \
            scored gives {"score": null, "error"} and a message on standard error, and the exit \
            status is 1. A line with "sample": true (and "score", "max_score") is a graded sample \
            for the other lines of its question, and gives {"sample": true}. docs/scoring.md \
            explains the method.
            """
    )

    @Option(help: ArgumentHelp("The bank question to score against.", valueName: "id"))
    var question: String?
    @Option(help: ArgumentHelp("Score every line of a JSON Lines file (- for standard input).", valueName: "file"))
    var batch: String?
    @Argument(help: ArgumentHelp("The answer; read from standard input when absent.", valueName: "answer"))
    var answer: String?
    @Flag(help: "Print the report as JSON (with --question).") var json = false
    @OptionGroup var samples: SamplesOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        switch (question, batch) {
        case (nil, nil): throw ValidationError("give --question ID with an answer, or --batch FILE")
        case (.some, .some): throw ValidationError("--question and --batch do not go together; use one")
        case (nil, .some) where answer != nil: throw ValidationError("with --batch the answers come from the file; drop \"\(answer!)\"")
        default: break
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        if let batch { return try runBatch(batch, context: context) }
        let catalog = try context.catalog(samples: samples)
        let found = try catalog.requireQuestion(id: question ?? "")
        let text = try answer ?? InputFile.readStandardInput(purpose: "the answer")
        let scorer = Scorer(settings: context.config.scorerSettings, corpus: catalog.corpus)
        let report = scorer.score(text, for: found.scoringQuestion)
        if json { return try context.printJSON(report) }
        print(ScoreView(report, for: found, style: context.style).render())
    }

    private func runBatch(_ path: String, context: CommandContext) throws {
        let scorer = BatchScorer(settings: context.config.scorerSettings, samples: try samples.book(), catalog: { try context.catalog() })
        let outcomes = scorer.score(text: try InputFile.read(path))
        context.warn(scorer.unusedSamples(outcomes))
        let errors = outcomes.compactMap(\.error)
        for error in errors { FileHandle.standardError.write(Data("rehearse: \(error)\n".utf8)) }
        // One buffer for the whole output: a string per line joined cost as much as writing them.
        var output: [UInt8] = []
        output.reserveCapacity(outcomes.reduce(0) { $0 + $1.jsonLine.utf8.count + 1 })
        for outcome in outcomes {
            output.append(contentsOf: outcome.jsonLine.utf8)
            output.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(Data(output))
        if !errors.isEmpty {
            FileHandle.standardError.write(Data("rehearse: \(errors.count) of \(outcomes.count) lines could not be scored\n".utf8))
            throw ExitCode.failure
        }
        // Everything is written (unbuffered): freeing thousands of reports one by one would only
        // delay the end of the process, by 2.5 ms of a 57 ms batch.
        Foundation.exit(EXIT_SUCCESS)
    }
}
