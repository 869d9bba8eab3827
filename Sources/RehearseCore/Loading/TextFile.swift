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

    /// The text of `path`, reading no more than `limit + 1` bytes of it, so that a huge file, or
    /// a device that never ends such as `/dev/zero`, costs no more memory than that. A longer
    /// file yields its first `limit + 1` bytes (a character cut in two becomes U+FFFD): the
    /// caller sees the text is over `limit` and refuses it with its own message.
    static func read(_ path: String, limit: Int) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CoreError.pathNotFound(path) }
        guard let data = prefix(of: path, limit: limit) else {
            throw CoreError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = decode(data, limit: limit) else {
            throw CoreError.unreadable(path: path, reason: "not UTF-8 text (save it as UTF-8)")
        }
        return text
    }

    /// `data` as UTF-8 text, or `nil` if it is not. Past `limit` it is a prefix cut short, so a
    /// character cut in two becomes U+FFFD instead of failing.
    static func decode(_ data: Data, limit: Int) -> String? {
        data.count > limit ? String(decoding: data, as: UTF8.self) : String(data: data, encoding: .utf8)
    }

    /// Up to `limit + 1` bytes of `path`; `nil` when it cannot be opened or read (a folder).
    static func prefix(of path: String, limit: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: limit + 1) ?? Data()
    }
}
