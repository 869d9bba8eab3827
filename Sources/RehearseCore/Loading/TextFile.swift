import Foundation

/// Reads a user's file as UTF-8 text, with errors that say what is wrong and how to fix it.
public enum TextFile {
    /// The text of `path`.
    public static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CoreError.pathNotFound(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoreError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CoreError.unreadable(path: path, reason: "not UTF-8 text (save it as UTF-8)")
        }
        return text
    }
}
