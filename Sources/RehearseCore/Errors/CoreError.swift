/// Everything that can go wrong in RehearseCore, with messages a user can act on.
public enum CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path given on the command line does not exist.
    case pathNotFound(String)
    /// A folder holds no `.yaml` files.
    case noScenarioFiles(String)
    /// A file exists but cannot be read as text.
    case unreadable(path: String, reason: String)
    /// A file cannot be written.
    case unwritable(path: String, reason: String)
    /// The scenario files have errors; the diagnostics say which.
    case invalidScenarios([Diagnostic])
    /// No scenario has this id.
    case unknownScenario(String, known: [String])
    /// A configuration file, variable or flag is wrong.
    case invalidConfig([String])
    /// A line of a batch or evaluation file cannot be scored.
    case batchLine(Int, String)
    /// No question has this id.
    case unknownQuestion(String, suggestion: String?)
    /// An evaluation file has no human grades to compare with.
    case noGrades(String)
    /// A transcript cannot be created or written.
    case transcript(String)
    /// Inputs of a session could not be saved (they were refused at the time).
    case unsaved(Int)
    /// A line of a samples file is wrong.
    case samplesLine(path: String, line: Int, message: String)
    /// A samples file names a question no bank has.
    case unknownSampleQuestion(place: String, id: String, hint: String)
    /// The filters leave this scenario nothing to ask.
    case noMatchingQuestions(scenario: String)

    /// The batch line an error is about, if any.
    public var line: Int? {
        if case .batchLine(let line, _) = self { return line }
        return nil
    }

    public var description: String {
        switch self {
        case .pathNotFound(let path):
            "no such file or folder \"\(path)\" (check the path)"
        case .noScenarioFiles(let path):
            "no .yaml files in \"\(path)\" (scenario and bank files end in .yaml)"
        case .unreadable(let path, let reason):
            "cannot read \"\(path)\": \(reason)"
        case .unwritable(let path, let reason):
            "cannot write \"\(path)\": \(reason)"
        case .invalidScenarios(let diagnostics):
            (diagnostics.map(\.description)
                + ["\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in the scenario files (fix them, then check with `rehearse lint`)"])
                .joined(separator: "\n")
        case .unknownScenario(let id, let known):
            "unknown scenario \"\(id)\" \(Suggestion.hint(for: id, among: known)); `rehearse scenarios` lists them"
        case .invalidConfig(let messages):
            messages.joined(separator: "\n")
        case .batchLine(let line, let message):
            "line \(line): \(message)"
        case .unknownQuestion(let id, let suggestion):
            "unknown question \"\(id)\" " + (suggestion.map { "(did you mean \"\($0)\"?)" } ?? "(`rehearse questions` lists the ids)")
        case .transcript(let message):
            message
        case .unsaved(let count):
            "\(count) input\(count == 1 ? " was" : "s were") not saved to the transcript and not counted (see the warnings above)"
        case .noMatchingQuestions(let scenario):
            "no question of scenario \"\(scenario)\" matches these filters (`rehearse questions --scenario \(scenario)` lists its questions)"
        case .samplesLine(let path, let line, let message):
            "\(path):\(line): \(message)"
        case .unknownSampleQuestion(let place, let id, let hint):
            "\(place): unknown question_id \"\(id)\" (\(hint)); samples belong to a bank question"
        case .noGrades(let path):
            "\"\(path)\" has no graded lines (each needs \"score\" and \"max_score\" to compare with)"
        }
    }
}
