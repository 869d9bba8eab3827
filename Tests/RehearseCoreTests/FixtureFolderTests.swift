import Foundation
import Testing

@testable import RehearseCore

/// A folder of three banks with four problems between them, loaded from disk like `rehearse lint DIR`.
@Suite struct FixtureFolderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/broken-banks").path

    @Test func reportsAllFourProblemsWithPositions() throws {
        let result = try CatalogLoader.load(.paths([Self.folder]))
        let messages = result.diagnostics.sorted.map {
            "\($0.location.path.split(separator: "/").last!):\($0.location.line):\($0.location.column): \($0.message)"
        }
        #expect(
            messages == [
                "a-indentation.yaml:6:4: invalid YAML: did not find expected '-' indicator (check the indentation of this line and the one above)",
                "b-unknown-key.yaml:4:17: unknown difficulty \"expert\" (expected easy, medium or hard)",
                "b-unknown-key.yaml:12:5: unknown key \"promt\" in question \"demo.two\" (did you mean \"prompt\"?)",
                "c-duplicate-id.yaml:2:9: duplicate question id \"demo.two\" (first used at \(Self.folder)/b-unknown-key.yaml:2:9; ids must be unique across all banks)",
            ])
        #expect(result.fileCount == 3)
        #expect(throws: CoreError.self) { try result.validCatalog() }
    }

    @Test func missingPathIsAnError() {
        #expect(throws: CoreError.pathNotFound("/no/such/folder")) { try CatalogLoader.load(.paths(["/no/such/folder"])) }
    }

    @Test func folderWithoutYAMLIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: CoreError.noScenarioFiles(empty.path)) { try CatalogLoader.load(.paths([empty.path])) }
    }
}
