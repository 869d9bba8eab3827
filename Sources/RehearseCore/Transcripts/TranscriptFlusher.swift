import Foundation

/// Flushes one open transcript to disk from any thread (see ``TranscriptFile/flusher``).
public struct TranscriptFlusher: Sendable {
    let descriptor: Int32
    let path: String

    /// Blocks until every line written so far is on disk.
    public func flush() throws {
        guard fdatasync(descriptor) == 0 else {
            throw CoreError.transcript("cannot flush \"\(path)\" to disk: \(String(cString: strerror(errno)))")
        }
    }
}
