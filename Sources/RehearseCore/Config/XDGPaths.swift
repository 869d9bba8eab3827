/// The XDG base directories, read from an injected environment so tests stay hermetic.
public struct XDGPaths: Sendable {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    public let configHome: String
    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    public let dataHome: String
    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    public let stateHome: String
    /// `$HOME`, for expanding `~`.
    public let home: String

    /// Reads the variables from `environment`; relative values are ignored, as the spec says.
    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/root"
        func base(_ name: String, _ fallback: String) -> String {
            guard let value = environment[name], value.hasPrefix("/") else { return home + "/" + fallback }
            return value
        }
        self.home = home
        configHome = base("XDG_CONFIG_HOME", ".config")
        dataHome = base("XDG_DATA_HOME", ".local/share")
        stateHome = base("XDG_STATE_HOME", ".local/state")
    }

    /// `path` with a leading `~/` replaced by the home folder.
    public func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }
}
