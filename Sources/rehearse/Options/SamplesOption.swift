import ArgumentParser
import RehearseCore

/// `--samples FILE`: graded answers the scorer learns from, for the commands that score.
struct SamplesOption: ParsableArguments {
    @Option(
        name: .customLong("samples"),
        help: ArgumentHelp(
            "Graded answers the scorer learns from: JSON Lines {\"question_id\", \"answer\", \"score\" 0-100}. Repeatable.",
            valueName: "file"))
    var files: [String] = []

    /// Every file's samples, in the order given.
    func book() throws -> SampleBook {
        var book = SampleBook()
        for file in files { try book.load(path: file) }
        return book
    }
}
