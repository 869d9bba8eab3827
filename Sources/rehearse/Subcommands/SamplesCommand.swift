import ArgumentParser

struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Graded samples from reviewers' grades, for --samples.",
        discussion: """
            Each answer a reviewer graded on the daemon's /review page is a graded sample of its \
            question. `rehearse serve` learns from them as they are given; `samples export` writes \
            them as a samples file for `practice`, `score` or `eval --samples FILE`.
            """,
        subcommands: [SamplesExportCommand.self]
    )
}
