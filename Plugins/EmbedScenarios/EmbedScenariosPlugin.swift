import Foundation
import PackagePlugin

/// Compiles the package's `Scenarios/` and `config/` YAML files and the daemon's `Web/` pages into
/// the target, so an installed `rehearse` binary carries its built-in scenarios, shipped config and
/// chat page and never needs the repo.
@main
struct EmbedScenariosPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let yaml = ["Scenarios", "config"].flatMap {
            files(under: root.appending(path: $0), extensions: ["yaml", "yml"])
        }
        let web = files(under: root.appending(path: "Web"), extensions: ["html", "css", "js"])
        // Sorted as one list, so `BundledFiles.all` is sorted by path and the generated source is
        // the same from build to build.
        let inputs = (yaml + web).sorted { $0.path() < $1.path() }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(yaml.count) scenario and config files and \(web.count) web files",
                executable: try context.tool(named: "EmbedScenariosTool").url,
                arguments: [root.path(), output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// The files under `folder`, at any depth, whose extension is one of `extensions`.
    private func files(under folder: URL, extensions: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
    }
}
