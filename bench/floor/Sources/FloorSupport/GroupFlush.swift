import Foundation
import Synchronization

/// Group commit as the daemon's journal does it, without frames or transcripts: a request's
/// bytes wait until one serial flusher has appended every waiting request's bytes with one
/// `write` and made them durable with one `fdatasync`.
public final class GroupFlush: Sendable {
    private struct Pending {
        var bytes = [UInt8]()
        var waiting = [@Sendable () -> Void]()
        var scheduled = false
    }

    private let queue = DispatchQueue(label: "floor.flush")
    private let pending = Mutex(Pending())
    private let descriptor: Int32

    /// Appends to `path`, which it creates.
    public init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Calls `done` on the flusher's queue once `bytes` are durable.
    public func commit(_ bytes: [UInt8], then done: @escaping @Sendable () -> Void) {
        let schedule = pending.withLock { pending in
            pending.bytes += bytes
            pending.waiting.append(done)
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        if schedule { queue.async { self.flush() } }
    }

    /// Returns once `bytes` are durable.
    public func commit(_ bytes: [UInt8]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            commit(bytes) { continuation.resume() }
        }
    }

    private func flush() {
        let batch = pending.withLock { pending in
            defer { pending = Pending() }
            return pending
        }
        batch.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { fatalError("floor: write failed: \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
        guard fdatasync(descriptor) == 0 else { fatalError("floor: fdatasync failed: \(String(cString: strerror(errno)))") }
        for done in batch.waiting { done() }
    }
}
