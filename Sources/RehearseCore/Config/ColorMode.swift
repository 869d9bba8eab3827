/// When output may use colour.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Only on a terminal, and never when `NO_COLOR` is set.
    case auto
    /// Always, even into a pipe.
    case always
    /// Never.
    case never
}
