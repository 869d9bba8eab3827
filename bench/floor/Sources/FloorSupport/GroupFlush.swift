import Foundation
import Synchronization

/// Group commit as the daemon's journal does it, without frames or transcripts: a request's
/// bytes wait until one serial flusher has written every waiting request's bytes with one
/// `pwrite` over zeros the file grew by a MiB at a time, and made them durable with one
/// `fdatasync`; a flush shared by two or more holds the next back until 2 ms after it began or
/// 16 requests wait (the daemon's `GroupJournal.growth`, `--commit-delay` and `enoughToFlush`).
public final class GroupFlush: Sendable {
    private struct Pending {
        var bytes = [UInt8]()
        var waiting = [@Sendable () -> Void]()
        var scheduled = false
        var delaying = false
    }

    /// Where the flusher is in the file and when its last flush began; touched on `queue` only.
    private struct Written {
        var size = 0
        var filled = 0
        var lastStart: UInt64 = 0
        var lastCount = 0
    }

    private static let growth = 1 << 20
    private static let enoughToFlush = 16
    private let wake = DispatchSemaphore(value: 0)
    private static let commitDelay: UInt64 = 2_000_000
    private static let zeros = [UInt8](repeating: 0, count: growth)
    private let queue = DispatchQueue(label: "floor.flush")
    private let pending = Mutex(Pending())
    private let written = Mutex(Written())
    private let descriptor: Int32

    /// Writes to `path`, which it creates.
    public init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Calls `done` on the flusher's queue once `bytes` are durable.
    public func commit(_ bytes: [UInt8], then done: @escaping @Sendable () -> Void) {
        let (schedule, wakeFlusher) = pending.withLock { pending in
            pending.bytes += bytes
            pending.waiting.append(done)
            let wakeFlusher = pending.delaying && pending.waiting.count >= Self.enoughToFlush
            if wakeFlusher { pending.delaying = false }
            defer { pending.scheduled = true }
            return (!pending.scheduled, wakeFlusher)
        }
        if wakeFlusher { wake.signal() }
        if schedule { queue.async { self.flush() } }
    }

    /// Returns once `bytes` are durable.
    public func commit(_ bytes: [UInt8]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            commit(bytes) { continuation.resume() }
        }
    }

    private func flush() {
        let last = written.withLock { ($0.lastStart, $0.lastCount) }
        let now = DispatchTime.now().uptimeNanoseconds
        if last.1 >= 2, now < last.0 + Self.commitDelay {
            let wait = pending.withLock { pending in
                pending.delaying = pending.waiting.count < Self.enoughToFlush
                return pending.delaying
            }
            if wait {
                _ = wake.wait(timeout: .now() + .nanoseconds(Int(last.0 + Self.commitDelay - now)))
                pending.withLock { $0.delaying = false }
            }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let batch = pending.withLock { pending in
            defer { pending = Pending() }
            return pending
        }
        written.withLock { state in
            state.lastStart = start
            state.lastCount = batch.waiting.count
            while state.filled < state.size + batch.bytes.count {
                write(Self.zeros, at: state.filled)
                state.filled += Self.growth
            }
            write(batch.bytes, at: state.size)
            state.size += batch.bytes.count
        }
        guard fdatasync(descriptor) == 0 else { fatalError("floor: fdatasync failed: \(String(cString: strerror(errno)))") }
        for done in batch.waiting { done() }
    }

    private func write(_ bytes: [UInt8], at position: Int) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(position + offset))
                guard written > 0 else { fatalError("floor: write failed: \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
    }
}
