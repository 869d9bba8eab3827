import Foundation
import RehearseResources
import Testing

@testable import RehearseCore

/// The examples in docs/scenario-format.md are real files: they must load without errors.
@Suite struct DocumentationExampleTests {
    static let yamlBlocks: [String] = {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/scenario-format.md")
        guard let text = try? String(contentsOf: doc, encoding: .utf8) else { return [] }
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }()

    @Test func theDocHasABankAndAScenarioExample() {
        #expect(Self.yamlBlocks.count == 2)
    }

    @Test func bankExampleLoads() throws {
        let bank = try #require(Self.yamlBlocks.first)
        let result = CatalogLoader.load(files: [ScenarioFile(path: "doc-bank.yaml", text: bank)], authoring: true)
        #expect(result.diagnostics.errors.map(\.description) == [])
        #expect(result.catalog.questions.first?.examples.count == 2)
    }

    @Test func scenarioExampleLoadsAgainstTheShippedBanks() throws {
        let scenario = try #require(Self.yamlBlocks.last)
        let banks = BundledFiles.scenarios.filter { $0.path.contains("/banks/") }.map { ScenarioFile(path: $0.path, text: $0.text) }
        let result = CatalogLoader.load(files: banks + [ScenarioFile(path: "doc-scenario.yaml", text: scenario)], authoring: true)
        #expect(result.diagnostics.all.map(\.description) == [])
        let loaded = try #require(result.catalog.scenario(id: "django-deep-dive"))
        #expect(loaded.timeLimit == 90)
        #expect(!result.catalog.pool(for: loaded).isEmpty)
    }
}
