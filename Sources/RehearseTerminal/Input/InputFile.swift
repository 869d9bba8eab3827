import Foundation
import RehearseCore

/// Reads a file named on the command line, or standard input for `-`.
public enum InputFile {
    /// The text of `path`, or of standard input for `-`.
    public static func read(_ path: String) throws -> String {
        if path == "-" { return try readStandardInput(purpose: "the batch") }
        return try TextFile.read(path)
    }

    /// All of standard input; refuses to wait on a terminal nobody is typing into by accident.
    public static func readStandardInput(purpose: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("Type \(purpose), then Ctrl-D:\n".utf8))
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CoreError.unreadable(path: "standard input", reason: "not UTF-8 text")
        }
        return text
    }
}
