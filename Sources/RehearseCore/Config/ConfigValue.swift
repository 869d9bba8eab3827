/// A resolved configuration value.
public enum ConfigValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    public var description: String {
        switch self {
        case .text(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        }
    }
}
