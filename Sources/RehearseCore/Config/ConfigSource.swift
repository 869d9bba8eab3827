/// Where a configuration value came from, lowest precedence first.
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
    /// Compiled into rehearse.
    case builtin
    /// The `config/rehearse.yaml` shipped with rehearse.
    case shipped(String)
    /// The user's configuration file.
    case userFile(String)
    /// A `REHEARSE_*` environment variable.
    case environment(String)
    /// A command-line flag.
    case flag(String)

    public var description: String {
        switch self {
        case .builtin: "built-in"
        case .shipped(let path): "\(path) (shipped)"
        case .userFile(let path): path
        case .environment(let name): "$\(name)"
        case .flag(let name): name
        }
    }
}
