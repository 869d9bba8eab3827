import Foundation

/// A tmpfs of a few hundred KiB mounted in a temporary folder, to fill up on purpose; `nil`
/// (with the reason) where this machine does not let the tests mount one.
public struct SmallDisk: Sendable {
    /// Where it is mounted.
    public let path: String

    /// Mounts one of `kilobytes`.
    public static func mount(kilobytes: Int = 256) -> (disk: SmallDisk?, reason: String) {
        guard getuid() == 0 else { return (nil, "mounting a tmpfs needs root") }
        let path = NSTemporaryDirectory() + "rehearse-small-disk-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            return (nil, "cannot create \(path)")
        }
        let status = run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path])
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            return (nil, "mount -t tmpfs failed (status \(status)); no permission in this sandbox?")
        }
        return (SmallDisk(path: path), "")
    }

    /// Fills the disk with one file until a write fails; returns that file's path.
    @discardableResult
    public func fill() -> String {
        let filler = path + "/filler"
        guard FileManager.default.createFile(atPath: filler, contents: nil) else { return filler }
        guard let handle = FileHandle(forWritingAtPath: filler) else { return filler }
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        // Smaller writes take the last bytes, so not even a short line fits.
        let byte = Data(count: 1)
        while (try? handle.write(contentsOf: byte)) != nil {}
        try? handle.close()
        return filler
    }

    /// Frees about `bytes` (whole pages, as tmpfs allocates them) of a full disk.
    public func free(_ bytes: Int) {
        let filler = path + "/filler"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: filler))?[.size] as? Int else { return }
        _ = truncate(filler, off_t(max(0, size - bytes)))
    }

    /// Makes room again.
    public func drain() {
        try? FileManager.default.removeItem(atPath: path + "/filler")
    }

    /// Unmounts it and removes its folder.
    public func unmount() {
        _ = Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
