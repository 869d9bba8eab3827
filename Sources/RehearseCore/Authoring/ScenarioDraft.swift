import Foundation

/// What `rehearse new scenario` writes, and where: a commented template, or, for a bank, one
/// that draws from it and sits beside it so `--scenarios` on that folder finds both.
public struct ScenarioDraft: Sendable {
    /// The scenario file's text.
    public let text: String
    /// Where it goes (`-`: standard output).
    public let path: String
    /// How to practise it, for a scenario made for a bank.
    public let practiseHint: String?

    /// The draft of scenario `id`, written to `output` or a default place; `bank` makes it draw
    /// from that bank file's questions.
    /// - Throws: ``CoreError`` when the bank cannot be read or holds no question.
    public init(id: String, output: String?, bank: String?) throws {
        guard let bank else {
            text = Scaffold.scenario(id: id)
            path = output ?? "\(id).yaml"
            practiseHint = nil
            return
        }
        let folder = (bank as NSString).deletingLastPathComponent
        text = Scaffold.scenario(id: id, bank: ScenarioFile(path: bank, text: "").stem, topics: try BankTopics.read(bank))
        path = output ?? (folder.isEmpty ? "" : folder + "/") + "\(id).yaml"
        practiseHint = path == "-" ? nil : "Practise it with: rehearse practice --scenarios \(folder.isEmpty ? "." : folder) --scenario \(id)"
    }
}
