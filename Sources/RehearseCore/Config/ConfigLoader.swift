import Foundation
import RehearseResources
import Yams

/// Layers the configuration: built-in < shipped `config/rehearse.yaml` < user file <
/// `REHEARSE_*` environment < flags, remembering where each value came from.
///
/// Written on Yams rather than apple/swift-configuration: authors need `file:line:column`
/// errors and "did you mean" for misspelt keys, and `rehearse config` needs each value's layer.
public struct ConfigLoader: Sendable {
    /// The process environment (injected so tests are hermetic).
    public var environment: [String: String]
    /// The shipped defaults file; `nil` skips that layer.
    public var shipped: ScenarioFile?
    /// An explicit user file (`--config`); otherwise `$REHEARSE_CONFIG` or the XDG location.
    public var userFilePath: String?
    /// Flag values by setting key, with the flag's spelling for `rehearse config`.
    public var flags: [String: (value: String, flag: String)]

    /// Creates a loader. By default it reads the real environment and the shipped file.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        shipped: ScenarioFile? = BundledFiles.shippedConfig.map { ScenarioFile(path: $0.path, text: $0.text) },
        userFilePath: String? = nil,
        flags: [String: (value: String, flag: String)] = [:]
    ) {
        self.environment = environment
        self.shipped = shipped
        self.userFilePath = userFilePath
        self.flags = flags
    }

    /// Resolves every setting; any bad value anywhere is an error listing all of them.
    public func load() throws -> RehearseConfig {
        let paths = XDGPaths(environment: environment)
        let settings = ConfigSettings.all(paths: paths)
        var problems: [String] = []
        var layers: [[String: (ConfigValue, ConfigSource)]] = []

        if let shipped {
            layers.append(readFile(shipped, source: .shipped(shipped.path), settings: settings, paths: paths, problems: &problems))
        }
        let explicitUser = userFilePath ?? environment["REHEARSE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let userPath = paths.expand(explicitUser ?? paths.configHome + "/rehearse/config.yaml")
        let userExists = FileManager.default.fileExists(atPath: userPath)
        if userExists {
            // At most one byte past the limit, which the parser then refuses as too large.
            if let data = TextFile.prefix(of: userPath, limit: YAMLLimits.maxBytes), let text = TextFile.decode(data, limit: YAMLLimits.maxBytes) {
                layers.append(
                    readFile(
                        ScenarioFile(path: userPath, text: text), source: .userFile(userPath), settings: settings, paths: paths, problems: &problems))
            } else {
                problems.append("cannot read config file \"\(userPath)\" (check its permissions and that it is UTF-8)")
            }
        } else if explicitUser != nil {
            problems.append("no such config file \"\(userPath)\" (check the path given to --config or REHEARSE_CONFIG)")
        }
        layers.append(readEnvironment(settings: settings, paths: paths, problems: &problems))
        layers.append(readFlags(settings: settings, paths: paths, problems: &problems))

        let entries = settings.map { setting in
            for layer in layers.reversed() {
                if let (value, source) = layer[setting.key] {
                    return ConfigEntry(setting: setting, value: value, source: source)
                }
            }
            return ConfigEntry(setting: setting, value: setting.defaultValue, source: .builtin)
        }
        let config = RehearseConfig(entries: entries, userFile: (userPath, userExists))
        if config.partialThreshold >= config.strongThreshold {
            problems.append(
                "bands.partial (\(config.partialThreshold)) must be below bands.strong (\(config.strongThreshold)); set them in your config file")
        }
        if config.conceptWeight + config.overlapWeight == 0 {
            problems.append("scorer.concept_weight and scorer.overlap_weight are both 0 (give at least one a weight)")
        }
        if !problems.isEmpty { throw CoreError.invalidConfig(problems) }
        return config
    }

    private func readFile(
        _ file: ScenarioFile, source: ConfigSource, settings: [ConfigSetting], paths: XDGPaths, problems: inout [String]
    ) -> [String: (ConfigValue, ConfigSource)] {
        let document = YAMLDocument(path: file.path)
        var values: [String: (ConfigValue, ConfigSource)] = [:]
        defer { problems += document.log.errors.map(\.description) }
        guard let root = document.parse(file.text), !MappingReader.isNull(root) else { return values }
        let folder = (file.path as NSString).deletingLastPathComponent
        var leaves: [(key: String, keyNode: Node, node: Node)] = []
        flatten(root, prefix: "", into: &leaves, document: document)
        let keys = settings.map(\.key)
        for (key, keyNode, node) in leaves {
            guard let setting = settings.first(where: { $0.key == key }) else {
                document.error(keyNode, "unknown setting \"\(key)\" \(Suggestion.hint(for: key, among: keys))")
                continue
            }
            if MappingReader.isNull(node) { continue }
            guard case .scalar(let scalar) = node else {
                document.error(node, "\"\(key)\" must be \(Self.expected(setting)), got \(MappingReader.describe(node))")
                continue
            }
            switch setting.parse(scalar.string) {
            case .success(let value):
                values[key] = (resolvePath(value, setting: setting, relativeTo: folder, paths: paths), source)
            case .failure(let failure):
                document.error(node, "\"\(key)\" must be \(failure.expected), got \"\(scalar.string)\"")
            }
        }
        return values
    }

    /// Nested mappings become dotted keys, as `rehearse config` shows them.
    private func flatten(_ node: Node, prefix: String, into leaves: inout [(key: String, keyNode: Node, node: Node)], document: YAMLDocument) {
        guard case .mapping(let mapping) = node else {
            document.error(node, "a config file must be a mapping of settings, got \(MappingReader.describe(node))")
            return
        }
        for (key, value) in mapping {
            let name = prefix.isEmpty ? (key.string ?? "") : prefix + "." + (key.string ?? "")
            if case .mapping = value { flatten(value, prefix: name, into: &leaves, document: document) } else { leaves.append((name, key, value)) }
        }
    }

    private func readEnvironment(settings: [ConfigSetting], paths: XDGPaths, problems: inout [String]) -> [String: (ConfigValue, ConfigSource)] {
        var values: [String: (ConfigValue, ConfigSource)] = [:]
        for setting in settings {
            guard let text = environment[setting.environmentName], !text.isEmpty else { continue }
            switch setting.parse(text) {
            case .success(let value):
                values[setting.key] = (resolvePath(value, setting: setting, relativeTo: nil, paths: paths), .environment(setting.environmentName))
            case .failure(let failure):
                problems.append("\(setting.environmentName)=\"\(text)\": expected \(failure.expected)")
            }
        }
        return values
    }

    private func readFlags(settings: [ConfigSetting], paths: XDGPaths, problems: inout [String]) -> [String: (ConfigValue, ConfigSource)] {
        var values: [String: (ConfigValue, ConfigSource)] = [:]
        for setting in settings {
            guard let (text, flag) = flags[setting.key] else { continue }
            switch setting.parse(text) {
            case .success(let value):
                values[setting.key] = (resolvePath(value, setting: setting, relativeTo: nil, paths: paths), .flag(flag))
            case .failure(let failure):
                problems.append("\(flag) \"\(text)\": expected \(failure.expected)")
            }
        }
        return values
    }

    /// `~` expands everywhere; a relative path in a file is relative to that file.
    private func resolvePath(_ value: ConfigValue, setting: ConfigSetting, relativeTo folder: String?, paths: XDGPaths) -> ConfigValue {
        guard case .path = setting.kind, case .text(let raw) = value else { return value }
        let expanded = paths.expand(raw)
        guard let folder, !expanded.hasPrefix("/"), !folder.isEmpty else { return .text(expanded) }
        return .text(folder + "/" + expanded)
    }

    private static func expected(_ setting: ConfigSetting) -> String {
        switch setting.kind {
        case .text: "some text"
        case .path: "a path"
        case .integer: "a whole number"
        case .number: "a number"
        case .flag: "true or false"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        }
    }
}
