import Foundation

/// The files side of export and import: listing, reading with a bound, writing atomically.
enum TranscriptFolder {
    /// Transcript files in `folder`, oldest first; only regular files (a FIFO would hang a read).
    static func paths(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw StoreError.files("cannot list \"\(folder)\" (check the path and its permissions)")
        }
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(folder)/\($0)" }.filter { path in
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// `path`'s bytes, refusing more than `limit`.
    static func read(_ path: String, limit: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.files("cannot open it") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw StoreError.files("it is over \(limit >> 20) MiB") }
        return data
    }

    static func make(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.files("cannot create the folder \"\(folder)\" (check its parent's permissions)")
        }
    }

    /// Writes `data` as `folder/name` through a temporary file and a rename, so a reader never
    /// sees half a transcript. The name comes from the database: one with a slash is refused.
    static func write(_ data: Data, named name: String, in folder: String) throws {
        guard !name.contains("/"), !name.hasPrefix(".") else { throw StoreError.files("refusing to write a file named \"\(name)\"") }
        let path = "\(folder)/\(name)"
        let temporary = "\(folder)/.\(name).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.files("cannot write \"\(temporary)\" (check the folder's permissions and free space)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw StoreError.files("cannot write \"\(path)\": \(String(cString: strerror(errno)))")
        }
    }
}
