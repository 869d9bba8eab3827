import Foundation
import RehearseScoring

/// A transcript on disk: one JSON object per line, each written and fsync'ed before `append`
/// returns, so a session killed at any moment keeps every line it acknowledged.
public final class TranscriptFile: TranscriptSink {
    /// The file's path.
    public let path: String
    private var descriptor: Int32
    /// Whether `append` fsyncs each line; a daemon turns this off and makes its lines durable
    /// in its journal instead.
    public var syncsEachLine = true

    /// Creates `folder` (mode 0700) if needed and a new file in it named
    /// `YYYYMMDD-HHMMSS-<scenario>[-<tag>].jsonl` (mode 0600: answers are personal). A daemon
    /// starting hundreds of sessions a second tags each name with the session id.
    /// `syncsFolder: false` leaves the new name's durability to the caller (a daemon's journal
    /// makes the file again if a crash loses it).
    public init(folder: String, scenario: String, startedAt: Date, tag: String? = nil, syncsFolder: Bool = true) throws {
        let stamp = Self.fileStamp(startedAt) + "-" + scenario + (tag.map { "-" + $0 } ?? "")
        var candidate = "\(folder)/\(stamp).jsonl"
        assert(candidate.hasSuffix(Self.fileName(scenario: scenario, startedAt: startedAt, tag: tag)))
        var attempt = 1
        var descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        // The folder is looked at only when the file cannot be made: a daemon makes hundreds of
        // files a second in a folder that is there.
        if descriptor < 0, errno == ENOENT || errno == ENOTDIR {
            try Self.makeFolder(folder)
            descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        }
        // Two sessions started in the same second get -2, -3, ... rather than sharing a file.
        while descriptor < 0, errno == EEXIST, attempt < 100 {
            attempt += 1
            candidate = "\(folder)/\(stamp)-\(attempt).jsonl"
            descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else {
            throw CoreError.transcript(
                "cannot create \"\(candidate)\": \(String(cString: strerror(errno))) (choose another folder with --transcripts)")
        }
        path = candidate
        self.descriptor = descriptor
        if syncsFolder { Self.syncFolder(folder) }
    }

    /// Opens an existing transcript to continue it (a daemon recovering a session).
    /// A symlink is never followed and anything but a regular file is refused, so a link
    /// planted in the transcripts folder cannot make the daemon write (or cut) another file;
    /// `O_NONBLOCK` makes a FIFO planted there fail at once instead of hanging the open.
    public init(appendingTo path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            throw CoreError.transcript("cannot reopen \"\(path)\": \(reason)")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw CoreError.transcript("cannot reopen \"\(path)\": not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
        mark = Int(info.st_size)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Closes the file once nothing more will be written (an ended session): a daemon keeps
    /// ended sessions for late lookups, and their descriptors would add up. Appends after this
    /// fail.
    public func finishWriting() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Flushes every line written so far to disk.
    public func sync() throws {
        guard fdatasync(descriptor) == 0 else {
            throw CoreError.transcript("cannot flush \"\(path)\" to disk: \(String(cString: strerror(errno)))")
        }
    }

    public var location: String { path }

    /// Bytes written so far, known without a system call.
    public private(set) var mark = 0

    /// Cuts the file back to `mark` bytes: what a failed input wrote, even half a line, goes.
    public func rollBack(to mark: Int) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CoreError.transcript("cannot check \"\(path)\" after a failed write: \(String(cString: strerror(errno)))")
        }
        guard Int(info.st_size) > mark else {
            self.mark = Int(info.st_size)
            return
        }
        guard ftruncate(descriptor, off_t(mark)) == 0 else {
            // The file is longer than the mark says: later marks must count what is really there.
            self.mark = Int(info.st_size)
            throw CoreError.transcript("cannot cut \"\(path)\" back after a failed write: \(String(cString: strerror(errno)))")
        }
        self.mark = mark
    }

    public func append(_ record: TranscriptRecord) throws {
        guard descriptor >= 0 else { throw CoreError.transcript("\"\(path)\" is closed: its session has ended") }
        var data = TranscriptLine.encode(record)
        data.append(UInt8(ascii: "\n"))
        if let reason = FileWriting.writeAll(data, to: descriptor) {
            throw CoreError.transcript("cannot write to \"\(path)\": \(reason)")
        }
        mark += data.count
        if syncsEachLine { try sync() }
    }

    /// A new file's name is durable only once its folder is flushed too.
    static func syncFolder(_ folder: String) { FileWriting.syncFolder(folder) }

    /// Appends lines already encoded (each ending in a newline) without flushing them: a
    /// daemon writes a request's lines at once and makes them durable in its journal.
    public func write(lines bytes: [UInt8]) throws {
        guard descriptor >= 0 else { throw CoreError.transcript("\"\(path)\" is closed: its session has ended") }
        if let reason = FileWriting.writeAll(bytes, to: descriptor) {
            throw CoreError.transcript("cannot write to \"\(path)\": \(reason)")
        }
        mark += bytes.count
    }

    private static func makeFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CoreError.transcript("\"\(folder)\" is a file, not a folder (choose a folder with --transcripts)") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(folder, 0o700)  // the process umask may have narrowed or widened the mode
        } catch {
            throw CoreError.transcript(
                "cannot create the folder \"\(folder)\" (check its parent's permissions, or choose another with --transcripts)")
        }
    }

    /// The name a new transcript gets, before any `-2` a clash adds: the PostgreSQL store
    /// names its sessions the same way, so an export looks like the files store's folder.
    public static func fileName(scenario: String, startedAt: Date, tag: String?) -> String {
        fileStamp(startedAt) + "-" + scenario + (tag.map { "-" + $0 } ?? "") + ".jsonl"
    }

    /// `record` as one transcript line (without its newline), byte for byte as files hold it.
    public static func encode(_ record: TranscriptRecord) throws -> Data {
        Data(TranscriptLine.encode(record))
    }

    /// `20261125-094107` in local time, as people read file names.
    static func fileStamp(_ date: Date) -> String { TimeStamp.fileStamp(date) }
}
