import Foundation
import RehearseResources

/// Where scenario and bank files come from: the built-in set, or files and folders on disk.
public enum ScenarioSource: Sendable, Equatable {
    /// The `Scenarios/` folder compiled into the binary.
    case builtin
    /// Files and folders (searched for `.yaml` and `.yml` files, recursively).
    case paths([String])
    /// The built-in set and files and folders beside it (`--with-builtin`).
    case builtinAndPaths([String])

    /// Whether these are the scenarios rehearse ships: the built-in set, or the repo's `Scenarios/`.
    public var isShipped: Bool {
        switch self {
        case .builtin: return true
        case .builtinAndPaths: return false
        case .paths(let paths):
            return !paths.isEmpty
                && paths.allSatisfy { path in
                    let parts = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
                    return parts.contains("Scenarios")
                }
        }
    }

    /// Reads every file of the source, sorted by path within each folder.
    public func files() throws -> [ScenarioFile] {
        switch self {
        case .builtin:
            return BundledFiles.scenarios.map { ScenarioFile(path: $0.path, text: $0.text, builtIn: true) }
        case .paths(let paths):
            return try paths.flatMap(Self.files(at:))
        case .builtinAndPaths(let paths):
            return try ScenarioSource.builtin.files() + paths.flatMap(Self.files(at:))
        }
    }

    private static func files(at path: String) throws -> [ScenarioFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CoreError.pathNotFound(path)
        }
        guard isFolder.boolValue else { return [try read(path)] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let walker = FileManager.default.enumerator(atPath: path)
        let names = (walker?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        guard !names.isEmpty else { throw CoreError.noScenarioFiles(path) }
        return try names.map { try read("\(base)/\($0)") }
    }

    private static func read(_ path: String) throws -> ScenarioFile {
        ScenarioFile(path: path, text: try TextFile.read(path, limit: YAMLLimits.maxBytes))
    }
}
