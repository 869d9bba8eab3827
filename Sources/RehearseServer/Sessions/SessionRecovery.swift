import Foundation
import RehearseCore

/// Reading a daemon session back from its transcript after a crash or restart.
enum SessionRecovery {
    /// Why a session could not be continued.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// What a file in the transcripts folder holds.
    enum Contents {
        /// A daemon session's records.
        case daemon([TranscriptRecord])
        /// A local session, an empty file or one that is not a transcript: not ours to resume.
        case other
        /// Not read: a symlink, a FIFO, a device or a folder, or a file that cannot be opened.
        case refused(String)
    }

    /// The records of a daemon session. A line cut off by a crash (never acknowledged: the
    /// fsync comes after the last line of a reply) is cut from the file, so the lines written
    /// next start on a line of their own. The file is opened without following symlinks and
    /// must be a regular file, so nothing planted in the folder is read from or cut elsewhere.
    static func contents(at path: String) -> Contents {
        let descriptor = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .refused(errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .refused("not a regular file") }
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return .other }
        // Only daemon sessions carry a session id, on their first line.
        let firstEnd = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        guard data[data.startIndex..<firstEnd].range(of: Data(#""session_id""#.utf8)) != nil else { return .other }
        var complete = data
        if data.last != UInt8(ascii: "\n") {
            let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
            complete = data[data.startIndex..<lastNewline]
            guard ftruncate(descriptor, off_t(complete.count)) == 0 else { return .refused("cannot cut its torn last line") }
        }
        let decoder = JSONDecoder()
        var records: [TranscriptRecord] = []
        for (number, line) in complete.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let record = try? decoder.decode(TranscriptRecord.self, from: Data(line)) else { return .other }
            if let problem = RecordValidation.problem(in: record) {
                return .refused("line \(number + 1) has an out-of-range number (\(problem))")
            }
            records.append(record)
        }
        guard records.first?.type == .sessionStart else { return .other }
        return .daemon(records)
    }

    /// The first line of the transcript at `path` if it is a session's start, read alone
    /// (at most 64 KB) and without writing: enough to check a token before reading the rest.
    static func start(at path: String) -> TranscriptRecord? {
        guard let bytes = try? RegularFile.prefix(at: path, upTo: 64 * 1024), let end = bytes.firstIndex(of: UInt8(ascii: "\n")),
            let record = try? JSONDecoder().decode(TranscriptRecord.self, from: Data(bytes[..<end])), record.type == .sessionStart
        else { return nil }
        return record
    }

    /// Ends a session that cannot be continued, so it is not tried again and `history` shows why.
    static func end(path: String, reason: String, at time: Date) {
        guard let file = try? TranscriptFile(appendingTo: path) else { return }
        var line = TranscriptRecord(.sessionEnd, at: time)
        line.reason = reason
        try? file.append(line)
    }
}
