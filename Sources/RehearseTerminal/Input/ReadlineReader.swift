@preconcurrency import CReadline
import Foundation

/// Reads lines with GNU readline: line editing and history.
///
/// The only file that touches readline's C globals; readline is process-wide,
/// so use one reader at a time.
public final class ReadlineReader: LineReader {
    private let historyFile: String?

    /// Creates a reader; with `historyFile`, history is loaded now and saved on each line.
    public init(historyFile: String? = nil) {
        self.historyFile = historyFile
        rl_readline_name = UnsafePointer(strdup("rehearse"))
        using_history()
        if let historyFile { _ = read_history(historyFile) }
    }

    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(raw)
            if let historyFile { _ = append_history(1, historyFile) }
        }
        return line
    }
}
