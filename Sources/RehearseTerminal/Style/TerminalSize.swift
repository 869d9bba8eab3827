import Foundation

/// The size of the terminal standard output is attached to.
public enum TerminalSize {
    /// Columns, or `nil` when standard output is not a terminal.
    public static func columns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
