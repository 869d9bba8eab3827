import RehearseCore

/// ANSI styling that switches itself off where colour does not belong.
public struct TerminalStyle: Sendable {
    /// Whether escape codes are emitted.
    public let enabled: Bool

    /// Creates a style that is on or off.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Decides for an output stream: `always` and `never` win; `auto` colours only a terminal
    /// and honours `NO_COLOR` (any non-empty value) and `TERM=dumb`.
    public init(mode: ColorMode, isTerminal: Bool, environment: [String: String]) {
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            enabled = isTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
