@testable import RehearseCore

/// Loads inline files and returns every diagnostic as the CLI prints it, sorted.
func lint(_ files: (path: String, text: String)...) -> [String] {
    CatalogLoader.load(files: files.map { ScenarioFile(path: $0.path, text: $0.text) }, authoring: true)
        .diagnostics.sorted.map(\.description)
}

/// A complete, valid question, indented as an item of `questions:`; `extra` lines are appended.
func question(_ id: String, topic: String = "demo", difficulty: String = "easy", extra: String = "") -> String {
    """
      - id: \(id)
        topic: \(topic)
        difficulty: \(difficulty)
        prompt: What is \(id)?
        answer: It is the thing called \(id), used for testing.
        concepts:
          - name: testing
            terms: [testing]
        hints: [Think of tests., It is used for testing.]
        follow_up: Why test?
    \(extra)
    """
}

/// A bank file with the given questions.
func bank(_ questions: String...) -> String {
    "questions:\n" + questions.joined(separator: "\n")
}
