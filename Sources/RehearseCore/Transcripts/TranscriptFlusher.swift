import Foundation

/// Flushes one open transcript to disk from any thread (see ``TranscriptFile/flusher``).
public struct TranscriptFlusher: Sendable {
    let descriptor: Int32
    let path: String
    /// The folder to flush too, for a new file's name.
    let folder: String?

    /// Blocks until every line written so far is on disk.
    public func flush() throws {
        guard fdatasync(descriptor) == 0 else {
            throw CoreError.transcript("cannot flush \"\(path)\" to disk: \(String(cString: strerror(errno)))")
        }
        if let folder { TranscriptFile.syncFolder(folder) }
    }
}
