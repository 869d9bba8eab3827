import Foundation

/// Writes what a command produces to a file named on the command line, with the same
/// message whichever command fails to. A regular file (or a new path) is replaced
/// atomically; a character device or a FIFO (`-o /dev/stdout`, `-o /dev/null`, a pipe) is
/// written through, as a shell redirection would; a symlink is followed to one of those; a
/// folder, a socket or a dangling link is refused. Nothing but a regular file is ever replaced.
public enum OutputFile {
    /// Writes `text` to `path`, replacing the file if there is one.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when the folder is missing or read-only,
    ///   or `path` is not something to write to.
    public static func write(_ text: String, to path: String) throws {
        let data = Data(text.utf8)
        // The process's own streams: reopening /proc/self/fd/1 would start at offset 0 of a file
        // stdout appends to, and resolving it would replace that file.
        if let stream = standardStream(path) { return try writeAll(data, to: stream, path: path) }
        var link = stat()
        guard lstat(path, &link) == 0 else { return try replace(path, with: data) }
        var target = stat()
        guard stat(path, &target) == 0 else {
            throw CoreError.unwritable(path: path, reason: "it is a symbolic link to nothing (point it at a file, or remove it)")
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG:
            // Through a link, the file it points to is replaced and the link stays.
            let resolved = (link.st_mode & S_IFMT) == S_IFLNK ? (URL(fileURLWithPath: path).resolvingSymlinksInPath().path) : path
            try replace(resolved, with: data, reportedAs: path)
        case S_IFCHR, S_IFIFO:
            try writeThrough(path, data)
        case S_IFDIR:
            throw CoreError.unwritable(path: path, reason: "it is a folder (name a file in it)")
        default:
            throw CoreError.unwritable(path: path, reason: "it is not a regular file, a device or a pipe")
        }
    }

    /// Writes `text` to a new file at `path`; an author's file is never overwritten.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when `path` exists or cannot be written.
    public static func create(_ text: String, at path: String) throws {
        var info = stat()
        guard lstat(path, &info) != 0 else {
            throw CoreError.unwritable(path: path, reason: "it already exists (choose another name or -o FILE)")
        }
        try write(text, to: path)
    }

    /// Adds the question template `text` to the bank at `path`, starting the bank (its
    /// `questions:` line) when the file is missing or empty.
    /// - Throws: ``CoreError/unwritable(path:reason:)`` when the bank cannot be written.
    public static func appendQuestion(_ text: String, toBank path: String) throws {
        var current = ""
        var info = stat()
        if stat(path, &info) == 0 {
            // Anything that cannot be read back as text must stop here: writing the template
            // alone would replace every question in the bank.
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw CoreError.unwritable(path: path, reason: "it is not a regular file (name a bank file)")
            }
            do {
                current = try TextFile.read(path)
            } catch {
                throw CoreError.unwritable(path: path, reason: "it cannot be read back (\(error)); nothing was changed")
            }
        }
        try write(current.isEmpty ? "questions:\n" + text : current + (current.hasSuffix("\n") ? "" : "\n") + "\n" + text, to: path)
    }

    /// A temporary file beside `path`, renamed over it: readers see the old text or the new.
    /// The file keeps its permissions (a private bank stays private).
    private static func replace(_ path: String, with data: Data, reportedAs shown: String? = nil) throws {
        var old = stat()
        let existed = stat(path, &old) == 0
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CoreError.unwritable(path: shown ?? path, reason: "check that its folder exists and is writable")
        }
        if existed { chmod(path, old.st_mode & 0o7777) }
    }

    /// The descriptor `path` names when it is one of this process's standard streams.
    private static func standardStream(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": STDOUT_FILENO
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": STDERR_FILENO
        default: nil
        }
    }

    /// Opens `path` for writing without creating or truncating it, and writes all of `data`.
    private static func writeThrough(_ path: String, _ data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CoreError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        if let reason = FileWriting.writeAll(data, to: descriptor) { throw CoreError.unwritable(path: path, reason: reason) }
    }
}
