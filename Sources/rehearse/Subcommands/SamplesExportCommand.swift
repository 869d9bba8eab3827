import ArgumentParser
import Foundation
import RehearseCore

struct SamplesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write reviewed answers as a samples file (JSON Lines).",
        discussion: """
            One line per reviewed answer, with its latest grade: {"question_id", "answer", \
            "score", "source"}, the format --samples reads. Oldest session first.
            """
    )

    @OptionGroup var transcripts: TranscriptOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the samples to this file instead of standard output.", valueName: "file"))
    var output: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try transcripts.context(global)
        let text = try ReviewSamplesFile.text(try await context.sessions())
        guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        try OutputFile.write(text, to: output)
        let count = text.split(separator: "\n").count
        context.notice("wrote \(count) reviewed answer\(count == 1 ? "" : "s") to \(output)")
    }
}
