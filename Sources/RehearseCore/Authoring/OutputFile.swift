import Foundation

/// Writes what a command produces to a file named on the command line, with the same
/// message whichever command fails to.
public enum OutputFile {
    /// Writes `text` to `path`, replacing the file if there is one.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when the folder is missing or read-only.
    public static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CoreError.unwritable(path: path, reason: "check that its folder exists and is writable")
        }
    }

    /// Writes `text` to a new file at `path`; an author's file is never overwritten.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when `path` exists or cannot be written.
    public static func create(_ text: String, at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CoreError.unwritable(path: path, reason: "it already exists (choose another name or -o FILE)")
        }
        try write(text, to: path)
    }

    /// Adds the question template `text` to the bank at `path`, starting the bank (its
    /// `questions:` line) when the file is missing or empty.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when the bank cannot be written.
    public static func appendQuestion(_ text: String, toBank path: String) throws {
        let current = FileManager.default.fileExists(atPath: path) ? (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" : ""
        try write(current.isEmpty ? "questions:\n" + text : current + (current.hasSuffix("\n") ? "" : "\n") + "\n" + text, to: path)
    }
}
