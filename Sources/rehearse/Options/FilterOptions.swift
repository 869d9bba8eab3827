import ArgumentParser
import RehearseCore

/// `--topic`, `--tag` and `--difficulty`, the filters `questions` and `practice` share.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only questions of this topic (e.g. django, flask, fastapi); repeat for several.", valueName: "topic"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("Only questions with this tag (e.g. orm, security); repeat for several.", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Only questions of this difficulty: easy, medium or hard; repeat for several.", valueName: "level"))
    var difficulty: [Difficulty] = []

    /// The filters as one.
    var filter: QuestionFilter { QuestionFilter(topics: topic, tags: tag, difficulties: difficulty) }
}
