import Foundation

/// A folder's transcripts summarised in one small file (`.rehearse-index`), so `history`
/// and `stats` over a thousand transcripts read one file instead of a thousand. An entry
/// counts only while its transcript has the size and modification time it had when it was
/// summarised; any other transcript is read again, and the file rewritten. The index is never
/// trusted over the transcripts: a missing, damaged or foreign index is rebuilt, and one that
/// cannot be written (a read-only folder) is simply not kept.
public struct TranscriptIndex: Sendable {
    /// The index's file name; it does not end in `.jsonl`, so no reader takes it for a transcript.
    public static let fileName = ".rehearse-index"
    /// One transcript's summary, valid while the file has this size and modification time.
    struct Entry: Sendable {
        var size: Int64
        var modified: Int64
        var summary: SessionSummary
    }

    /// The folder.
    public let library: TranscriptLibrary
    /// Whether a symbolic link in the folder counts as a transcript (not for the daemon).
    public let followingLinks: Bool

    /// An index of `library`'s folder.
    public init(library: TranscriptLibrary, followingLinks: Bool = true) {
        self.library = library
        self.followingLinks = followingLinks
    }

    var path: String { library.folder + "/" + Self.fileName }

    /// Every readable session's summary, newest first, as ``TranscriptLibrary/sessions(followingLinks:)``
    /// would read them.
    public func summaries() -> (summaries: [SessionSummary], warnings: [String]) {
        let known = load()
        var entries: [String: Entry] = [:]
        var stale: [(name: String, path: String, size: Int64, modified: Int64)] = []
        var order: [String] = []
        for path in library.paths(followingLinks: followingLinks) {
            let name = String(path.dropFirst(library.folder.count + 1))  // the library made it folder + "/" + name
            guard let (size, modified) = Self.stamp(path) else { continue }
            order.append(name)
            if let entry = known?[name], entry.size == size, entry.modified == modified, entry.summary.path == path {
                entries[name] = entry
            } else {
                stale.append((name, path, size, modified))
            }
        }
        var warnings: [String] = []
        let read = ParallelMap.map(stale, makeState: { () }, transform: { _, file in Result { try TranscriptReader.read(file.path) } })
        for (file, result) in zip(stale, read) {
            switch result {
            case .success(let log): entries[file.name] = Entry(size: file.size, modified: file.modified, summary: SessionSummary(log))
            case .failure(let error): warnings.append("\(error)")
            }
        }
        if !stale.isEmpty || known.map({ $0.count != entries.count }) ?? true { save(entries) }
        var summaries: [SessionSummary] = []
        for name in order {
            guard let entry = entries[name] else { continue }
            warnings += entry.summary.warnings
            summaries.append(entry.summary)
        }
        return (summaries, warnings)
    }

    /// The index on disk, if it is one of this version and whole.
    private func load() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return IndexFormat.entries([UInt8](data))
    }

    /// Writes the index whole, through a temporary file and a rename, so a reader never sees
    /// half of it. Failing to is no error: the next run reads the transcripts again.
    private func save(_ entries: [String: Entry]) {
        let data = Data(IndexFormat.text(entries).utf8)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// A transcript's size and modification time in nanoseconds, `nil` when it cannot be read.
    private static func stamp(_ path: String) -> (Int64, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
