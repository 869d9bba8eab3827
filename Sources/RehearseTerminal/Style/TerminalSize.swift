import Foundation

/// The size of the terminal standard output is attached to.
public enum TerminalSize {
    /// Columns for prose: the terminal's, read afresh each time (so a resized window is
    /// followed), else `$COLUMNS` when set, else `nil` (a pipe gets its lines unwrapped).
    public static func proseColumns(environment: [String: String]) -> Int? {
        if let columns = columns() { return columns }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Columns, or `nil` when standard output is not a terminal.
    public static func columns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
