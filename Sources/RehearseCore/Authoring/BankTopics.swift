/// The topics of a bank file's questions, for a scenario that draws from it.
public enum BankTopics {
    /// The topics of the questions in the bank at `path`, in first-seen order.
    /// - Throws: ``CoreError`` when the file cannot be read or holds no question.
    public static func read(_ path: String) throws -> [String] {
        let result = CatalogLoader.load(files: [ScenarioFile(path: path, text: try TextFile.read(path, limit: YAMLLimits.maxBytes))])
        var seen = Set<String>()
        let topics = result.catalog.questions.map(\.topic).filter { seen.insert($0).inserted }
        guard !topics.isEmpty else {
            throw CoreError.unwritable(path: path, reason: "it holds no question to draw from (check it with: rehearse lint \(path))")
        }
        return topics
    }
}
