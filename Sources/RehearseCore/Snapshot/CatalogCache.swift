import Foundation

/// The built-in catalog kept as a ``CatalogSnapshot`` in a cache folder
/// (`$XDG_CACHE_HOME/rehearse`), so a start reads it back instead of parsing the YAML and
/// stemming every reference answer again. A snapshot is used only for the very texts and the
/// very binary that made it; anything else about it (missing, cut, scribbled, another build)
/// means the YAML is loaded as before and a new snapshot written. Writing is best effort: a
/// read-only home just loads the YAML each time.
public struct CatalogCache: Sendable {
    /// Where snapshots are kept.
    public let folder: String
    /// The largest snapshot read: far above the built-in catalog's, far below a problem.
    static let maxBytes = 32 << 20

    /// A cache in `folder` (created 0700 when the first snapshot is written).
    public init(folder: String) {
        self.folder = folder
    }

    /// The cache in `$XDG_CACHE_HOME/rehearse` (`~/.cache/rehearse`).
    public init(paths: XDGPaths) {
        self.init(folder: paths.cacheHome + "/rehearse")
    }

    /// The built-in banks and scenarios, and whether they came from a snapshot.
    public func builtIn() -> (result: LoadResult, fromSnapshot: Bool) {
        let files = try? ScenarioSource.builtin.files()
        let key = Self.key(files ?? [])
        let path = folder + "/catalog-" + key + ".bin"
        if let bytes = try? RegularFile.bytes(at: path, limit: Self.maxBytes), let (catalog, corpus) = CatalogSnapshot.decode(bytes, key: key) {
            var catalog = catalog
            catalog.knownCorpus = corpus
            return (LoadResult(catalog: catalog, diagnostics: DiagnosticLog(), fileCount: files?.count ?? 0), true)
        }
        var result = CatalogLoader.load(files: files ?? [], shipped: true)
        // Only a clean load is kept: one with problems is shown as it is every time.
        if result.diagnostics.all.isEmpty {
            let corpus = result.catalog.corpus
            result.catalog.knownCorpus = corpus
            write(CatalogSnapshot.encode(result.catalog, corpus: corpus, key: key), to: path)
        }
        return (result, false)
    }

    /// Names the texts and the binary reading them: an FNV-1a-style hash, eight bytes a step,
    /// over every built-in file, with the version and the running executable's size, time and
    /// inode (a rebuilt binary may parse the same texts differently).
    static func key(_ files: [ScenarioFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var index = 0
                while index + 8 <= bytes.count {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01b3
                    hash ^= hash >> 29
                    index += 8
                }
                while index < bytes.count {
                    hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
                    index += 1
                }
            }
            hash = (hash ^ UInt64(text.utf8.count)) &* 0x100_0000_01b3
        }
        mix(RehearseVersion.current)
        mix(String(decoding: CatalogSnapshot.magic, as: UTF8.self))
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            mix("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)")
        }
        for file in files {
            mix(file.path)
            mix(file.text)
        }
        return String(hash, radix: 16)
    }

    /// Writes `bytes` under a temporary name and renames it into place, so a reader never sees
    /// half a snapshot; snapshots of other texts or builds are removed.
    private func write(_ bytes: [UInt8], to path: String) {
        guard
            (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]))
                != nil
        else { return }
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let failed = FileWriting.writeAll(bytes, to: descriptor) != nil
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
        let name = (path as NSString).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where old.hasPrefix("catalog-") && old.hasSuffix(".bin") && old != name {
            unlink(folder + "/" + old)
        }
    }
}
