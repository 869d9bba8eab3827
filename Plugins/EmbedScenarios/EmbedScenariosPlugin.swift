import Foundation
import PackagePlugin

/// Compiles the package's `Scenarios/` and `config/` YAML files into the target, so an installed
/// `rehearse` binary carries its built-in scenarios and shipped config and never needs the repo.
@main
struct EmbedScenariosPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = ["Scenarios", "config"].flatMap { yamlFiles(under: root.appending(path: $0)) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) scenario and config files",
                executable: try context.tool(named: "EmbedScenariosTool").url,
                arguments: [root.path(), output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path() < $1.path() }
    }
}
