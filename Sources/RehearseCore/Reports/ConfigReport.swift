/// The effective configuration: every setting, its value and the layer it came from.
public struct ConfigReport: JSONReport, Sendable {
    /// Every setting, in display order.
    public let entries: [ConfigEntry]
    /// The user configuration file that was consulted, and whether it existed.
    public let userFile: (path: String, exists: Bool)

    /// The report of `config`.
    public init(_ config: RehearseConfig) {
        // A store URL may carry a password: shown, it would land in terminals and bug reports.
        entries = config.entries.map { entry in
            guard entry.setting.key == "store", case .text(let url)? = entry.value else { return entry }
            return ConfigEntry(setting: entry.setting, value: .text(StoreURLText.hidingPassword(url)), source: entry.source)
        }
        userFile = config.userFile
    }

    /// A JSON array of `{key, value, source, environment, summary}`; `value` is left out when
    /// the setting is unset.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for entry in entries {
            var item = list.nestedContainer(keyedBy: Key.self)
            try item.encode(entry.setting.key, forKey: .key)
            try item.encodeIfPresent(entry.value?.description, forKey: .value)
            try item.encode(entry.source.description, forKey: .source)
            try item.encode(entry.setting.environmentName, forKey: .environment)
            try item.encode(entry.setting.summary, forKey: .summary)
        }
    }

    enum Key: String, CodingKey {
        case key, value, source, environment, summary
    }
}
