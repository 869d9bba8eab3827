import Foundation

/// The transcripts of one folder, newest first, and how commands name one of them.
public struct TranscriptLibrary: Sendable {
    /// The folder.
    public let folder: String

    /// Creates a library over `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Transcript paths, newest first (names start with the start time). Without
    /// `followingLinks`, a symbolic link is left out even when it points at a transcript: the
    /// daemon serves its folder to reviewers and must not read what a link planted there names.
    public func paths(followingLinks: Bool = true) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        // Regular files only: reading a FIFO someone left there would wait forever.
        return names.filter { $0.hasSuffix(".jsonl") }.sorted(by: >).map { "\(folder)/\($0)" }
            .filter { Self.isRegularFile($0, followingLinks: followingLinks) }
    }

    /// Throws when the folder exists but cannot be listed (no permission, or a file in its
    /// place): a command must not report "no sessions yet" about a folder it could not read.
    /// A folder that does not exist yet is fine: it has no sessions, and `practice` creates it.
    public func checkReadable() throws {
        guard let directory = opendir(folder) else {
            let code = errno
            if code == ENOENT { return }
            let reason = code == ENOTDIR ? "it is a file, not a folder" : String(cString: strerror(code)).lowercased()
            throw CoreError.unreadable(
                path: folder, reason: "\(reason) (fix its permissions, or point --transcripts at another folder)")
        }
        closedir(directory)
    }

    private static func isRegularFile(_ path: String, followingLinks: Bool) -> Bool {
        var info = stat()
        let found = followingLinks ? stat(path, &info) : lstat(path, &info)
        return found == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Every readable session, newest first; unreadable or newer-schema files become warnings.
    public func sessions(followingLinks: Bool = true) -> (sessions: [SessionLog], warnings: [String]) {
        var sessions: [SessionLog] = []
        var warnings: [String] = []
        // Files are independent: read them on every core.
        let results = ParallelMap.map(
            paths(followingLinks: followingLinks), makeState: { () }, transform: { _, path in Result { try TranscriptReader.read(path) } })
        for result in results {
            switch result {
            case .success(let log):
                warnings += log.warnings
                sessions.append(log)
            case .failure(let error):
                warnings.append("\(error)")
            }
        }
        return (sessions, warnings)
    }

    /// `latest`, a number from `rehearse history` (1 is the newest), or a path.
    public func resolve(_ selector: String) throws -> String {
        if selector.contains("/") || selector.hasSuffix(".jsonl") {
            guard FileManager.default.fileExists(atPath: selector) else { throw CoreError.pathNotFound(selector) }
            return selector
        }
        let all = paths()
        guard !all.isEmpty else {
            throw CoreError.transcript(
                "no transcripts in \"\(folder)\" yet (practise with `rehearse practice`, or point --transcripts at another folder)")
        }
        if selector == "latest" { return all[0] }
        guard let number = Int(selector), number >= 1 else {
            throw CoreError.transcript("\"\(selector)\" names no session (use latest, a number from `rehearse history`, or a path)")
        }
        guard number <= all.count else {
            throw CoreError.transcript("there are only \(all.count) sessions in \"\(folder)\" (`rehearse history` lists them)")
        }
        return all[number - 1]
    }
}
