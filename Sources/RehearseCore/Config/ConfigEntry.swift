/// One setting with its effective value and where that value came from.
public struct ConfigEntry: Sendable {
    /// The setting.
    public let setting: ConfigSetting
    /// The effective value; `nil` when unset.
    public let value: ConfigValue?
    /// The layer that supplied it.
    public let source: ConfigSource
}
