import Foundation
import RehearseCore

/// Starting on a folder whose daemon stopped without retiring its journal (a crash, a kill, a
/// power cut): every entry is checked against its transcript and written again where the file
/// lost it, and what a transcript holds past its last entry (lines whose commit never became
/// durable, so never acknowledged) is cut. Then the transcripts are flushed and the journals
/// removed.
enum JournalReplay {
    /// What a replay did, for the daemon's log.
    struct Outcome: Sendable, Equatable {
        /// Journal files read.
        var journals = 0
        /// Transcripts they wrote to.
        var transcripts = 0
        /// Entries whose bytes were missing or different in their transcript.
        var repaired = 0
        /// Bytes cut from journals' ends: a batch a crash tore, never acknowledged.
        var tornBytes = 0
        /// Bytes cut from transcripts' ends: lines never acknowledged.
        var cutBytes = 0
        /// Transcripts left as they are, and why: removed, or cut short by something else.
        var skipped: [String] = []
    }

    /// The journal files in `folder`, oldest first.
    static func generations(in folder: String) -> [(number: Int, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(GroupJournal.namePrefix), let number = Int(name.dropFirst(GroupJournal.namePrefix.count)) else {
                return nil
            }
            return (number, folder + "/" + name)
        }.sorted { $0.number < $1.number }
    }

    /// Replays and removes every journal in `folder`. A journal that cannot be read or applied
    /// stops the daemon from starting: sessions recovered from half-repaired transcripts could
    /// lose what was acknowledged.
    static func run(folder: String) throws(ServerError) -> Outcome {
        let journals = generations(in: folder)
        var outcome = Outcome()
        guard !journals.isEmpty else { return outcome }
        var entries: [String: [JournalEntry]] = [:]
        var order: [String] = []
        for journal in journals {
            let bytes = try read(journal.path)
            guard let decoded = JournalFrame.decode(bytes) else {
                // Created, then cut off before its header was written: it holds nothing.
                if JournalFrame.header.starts(with: bytes) { continue }
                throw .startup("\"\(journal.path)\" is not a rehearse journal (move it out of the transcripts folder)")
            }
            outcome.journals += 1
            outcome.tornBytes += decoded.tornBytes
            for entry in decoded.entries {
                guard isTranscriptName(entry.file) else {
                    throw .startup("\"\(journal.path)\" names \"\(entry.file)\", which is not a transcript (move the journal out of the folder)")
                }
                if entries[entry.file] == nil { order.append(entry.file) }
                entries[entry.file, default: []].append(entry)
            }
        }
        for file in order {
            switch try apply(entries[file] ?? [], to: folder + "/" + file) {
            case .applied(let repaired, let cut):
                outcome.transcripts += 1
                outcome.repaired += repaired
                outcome.cutBytes += cut
            case .skipped(let reason):
                outcome.skipped.append("\(file): \(reason)")
            }
        }
        FileWriting.syncFolder(folder)
        for journal in journals { unlink(journal.path) }
        FileWriting.syncFolder(folder)
        return outcome
    }

    /// A transcript's name as the daemon makes them: no folders, not hidden.
    static func isTranscriptName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.hasSuffix(".jsonl") && !name.hasPrefix(".") && !name.contains("/")
            && !name.contains("\0")
    }

    private enum Applied {
        case applied(repaired: Int, cut: Int)
        case skipped(String)
    }

    /// Makes the transcript at `path` hold every entry's bytes where the entry says, and
    /// nothing past the last one. A transcript that is gone is made again only if the journal
    /// holds it from its first byte (a crash lost its name); otherwise somebody removed it.
    private static func apply(_ entries: [JournalEntry], to path: String) throws(ServerError) -> Applied {
        var descriptor = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0, errno == ENOENT {
            guard entries.first?.offset == 0 else { return .skipped("removed since it was written") }
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { throw failure("cannot open", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .startup("cannot replay the journal into \"\(path)\": not a regular file (move it out of the transcripts folder)")
        }
        var size = Int(info.st_size)
        var end = 0
        var repaired = 0
        for entry in entries {
            // Everything before an entry was in an earlier entry or flushed when an earlier
            // journal was retired; a gap means the file was cut by something else.
            guard entry.offset <= max(size, end) else {
                return .skipped("it ends at byte \(size) but the journal continues it at byte \(entry.offset); was it cut by hand?")
            }
            if !holds(entry, descriptor: descriptor) {
                let written = entry.bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(entry.offset)) }
                guard written == entry.bytes.count else { throw failure("cannot write", path) }
                repaired += 1
            }
            end = max(end, entry.end)
            size = max(size, entry.end)
        }
        var cut = 0
        if size > end {
            guard ftruncate(descriptor, off_t(end)) == 0 else { throw failure("cannot cut", path) }
            cut = size - end
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush", path) }
        return .applied(repaired: repaired, cut: cut)
    }

    /// Whether the file already holds `entry`'s bytes where it says.
    private static func holds(_ entry: JournalEntry, descriptor: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: entry.bytes.count)
        let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(entry.offset)) }
        return read == entry.bytes.count && buffer == entry.bytes
    }

    private static func read(_ path: String) throws(ServerError) -> [UInt8] {
        do {
            return try RegularFile.bytes(at: path)
        } catch .notRegular {
            throw .startup("\"\(path)\" is not a regular file (move it out of the transcripts folder)")
        } catch {
            throw failure("cannot read", path)
        }
    }

    private static func failure(_ what: String, _ path: String) -> ServerError {
        .startup(
            "\(what) \"\(path)\" while replaying the journal: \(String(cString: strerror(errno))) (check the folder's permissions and free space)")
    }
}
