import Dispatch
import Foundation
import RehearseCore
import Synchronization

/// The files store's durability point (group commit). Each request's lines go to its session's
/// transcript without a flush, and as one ``JournalEntry`` to this daemon-wide journal; one
/// flusher appends every entry that came in meanwhile and makes the batch durable with one
/// `fdatasync`, then releases those requests' replies. A transcript is flushed only when the
/// journal generation holding its entries is retired (past ``rotateAfter``, or at shutdown):
/// until then, ``JournalReplay`` puts back from the journal whatever a crash took from it.
final class GroupJournal: Sendable {
    /// Journal files are `<folder>/.rehearse-journal-<generation>`.
    static let namePrefix = ".rehearse-journal-"
    /// The transcripts folder.
    let folder: String
    /// A generation that has grown past this many bytes is retired, so a journal never
    /// outgrows what a restart can read back quickly.
    let rotateAfter: Int
    /// A journal file is zero-filled this far ahead of its entries, which then overwrite the
    /// zeros: an append changed the file's size and blocks at every batch, so every `fdatasync`
    /// wrote the inode as well (on ext4 without a journal, 94 µs of CPU per flush instead of
    /// 57; docs/deploy.md). A replay reads the zeros after the last entry as padding.
    static let growth = 1 << 20
    private static let zeros = [UInt8](repeating: 0, count: 256 << 10)
    private let queue = Mutex(Waiting())
    private let flushCount = Atomic(0)
    private let retiredCount = Atomic(0)
    /// Retired generations not yet removed, oldest first; touched on `retiring` only.
    private let kept = Mutex<[Generation]>([])
    private let writer = Mutex(Writer())
    /// Appends and flushes; one at a time, so each batch is one write and one fdatasync.
    private let flushing = DispatchQueue(label: "rehearse.journal-flush")
    /// Flushes the transcripts of retired generations, away from the flusher.
    private let retiring = DispatchQueue(label: "rehearse.journal-retire")

    /// Nanoseconds after a shared flush began before the next may begin (``HubSettings/commitDelay``).
    let commitDelay: UInt64
    /// How many commits a flush must have shared for the next to wait (PostgreSQL's
    /// commit_siblings): one alone is one person, whom a wait would only hold up. Waiting only
    /// after four or more measured worse (fewer answers per flush, more CPU per answer, and
    /// more at light load), docs/deploy.md.
    static let delayAfter = 2
    /// How many commits waiting end a wait early (MySQL's binlog_group_commit_sync_no_delay_count):
    /// a batch this large already spreads a flush thin, and where requests come this fast the
    /// wait, not the CPU, would limit them.
    static let enoughToFlush = 16
    /// Ends a wait once ``enoughToFlush`` commits are waiting.
    private let wake = DispatchSemaphore(value: 0)
    /// What the flusher's waits are told as they happen (for tests).
    enum Pause {
        /// About to wait up to this many nanoseconds.
        case waiting(UInt64)
        /// Done waiting: ended early by enough commits, or not.
        case ended(early: Bool)
    }

    /// Told of each wait as it starts and ends.
    private let onPause: (@Sendable (Pause) -> Void)?

    /// A journal for the transcripts in `folder`; its first file is made at the first commit.
    /// A flush shared by several commits holds the next back until `commitDelay` seconds after
    /// it began.
    init(folder: String, rotateAfter: Int = 32 << 20, commitDelay: Double = 0, onPause: (@Sendable (Pause) -> Void)? = nil) {
        self.folder = folder
        self.rotateAfter = rotateAfter
        self.commitDelay = UInt64(max(0, min(commitDelay, 1)) * 1e9)
        self.onPause = onPause
    }

    /// Commits waiting for the flusher.
    private struct Waiting {
        var bytes: [UInt8] = []
        /// Each commit's transcript, repeats and all: hashing every name into a set at every
        /// commit cost more than sorting them out once, when the generation is retired.
        var files: [String] = []
        var waiters: [Completion] = []
        var draining = false
        /// The flusher is waiting for more commits (``commitDelay``) and wants ``wake`` once
        /// ``enoughToFlush`` are here.
        var delaying = false
        /// Set for good once a write or flush failed: what the disk did with it is unknown.
        var failure: String?
        var replayed = false
    }

    /// The generation being written; touched only on `flushing`.
    private struct Writer {
        var generation: Generation?
    }

    /// One journal file and the transcripts its entries went to.
    private struct Generation {
        let path: String
        let descriptor: Int32
        /// Bytes of entries (and the header): where the next batch goes.
        var size: Int
        /// Bytes the file holds, the zeros after ``size`` included.
        var filled: Int
        /// Set once the disk had no room for zeros ahead: later batches are appended, rather
        /// than each trying to grow the file again first.
        var appendsOnly = false
        /// The transcripts its entries went to, repeats and all until there are ``sortOutAt``.
        var files: [String] = []
        /// When ``files`` next has its repeats sorted out, so a generation of many small
        /// commits holds each name about once rather than once per commit.
        var sortOutAt = 4_096
    }

    /// A failure after which the journal cannot be trusted.
    private struct Broken: Error {
        let reason: String
    }

    /// The batch holding a commit reached the journal, but whether it is durable is unknown
    /// (its flush failed): the lines may come back after a restart, so they must not be
    /// undone as if never written.
    struct OutcomeUnknown: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    private enum Admission {
        case queued, wakeFlusher, startFlusher
        case refused(String)
    }

    /// Batches flushed so far: with commits counted elsewhere, how well group commit groups.
    var flushes: Int { flushCount.load(ordering: .relaxed) }

    /// Generations retired so far.
    var retirements: Int { retiredCount.load(ordering: .relaxed) }

    /// Retired generations kept because a transcript of theirs (or of an older one) could not
    /// be flushed yet.
    var keptGenerations: Int { kept.withLock { $0.count } }

    /// Told whether a commit's batch became durable; called on the flusher's thread.
    typealias Completion = @Sendable (Result<Void, any Error>) -> Void

    /// Returns once `entry` is durable in the journal (its bytes are already in its transcript).
    func commit(_ entry: JournalEntry) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            commit(entry) { continuation.resume(with: $0) }
        }
    }

    /// Calls `done` once `entry` is durable in the journal, or could not be made so: for a
    /// caller on an event loop, which must not wait.
    func commit(_ entry: JournalEntry, then done: @escaping Completion) {
        let frame = JournalFrame.encode(entry)
        let admission = queue.withLock { waiting -> Admission in
            if let failure = waiting.failure { return .refused(failure) }
            waiting.bytes += frame
            waiting.files.append(entry.file)
            waiting.waiters.append(done)
            if waiting.delaying, waiting.waiters.count >= Self.enoughToFlush {
                waiting.delaying = false
                return .wakeFlusher
            }
            if waiting.draining { return .queued }
            waiting.draining = true
            return .startFlusher
        }
        switch admission {
        case .queued: break
        case .wakeFlusher: wake.signal()
        case .startFlusher: flushing.async { self.drain() }
        case .refused(let failure): done(.failure(ServerError.storage(failure)))
        }
    }

    /// Puts back what a crash took from the transcripts, from the journals an earlier daemon
    /// left; only before this journal has written anything of its own.
    func replayLeftovers() throws(ServerError) -> JournalReplay.Outcome? {
        let first = queue.withLock { waiting in
            defer { waiting.replayed = true }
            return !waiting.replayed
        }
        guard first, writer.withLock({ $0.generation == nil }) else { return nil }
        return try JournalReplay.run(folder: folder)
    }

    /// Flushes every transcript written through the journal and removes its file, so a daemon
    /// stopped cleanly leaves no journal behind. Commits after this start a new generation.
    func checkpoint() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            flushing.async {
                let retired = self.writer.withLock { writer -> Generation? in
                    defer { writer.generation = nil }
                    return writer.generation
                }
                // Behind every earlier retirement, so all of them are done when this returns.
                self.retiring.async {
                    if let retired { self.retire(retired) }
                    continuation.resume()
                }
            }
        }
    }

    /// Writes batches until no commit waits.
    private func drain() {
        var previous: (start: UInt64, commits: Int)?
        while true {
            // Group commit's delay (PostgreSQL's commit_delay): where the disk flushes fast, a
            // flusher that starts again at once flushes a request or two each time, and each
            // flush costs more CPU than scoring an answer (docs/deploy.md). Once a flush was
            // shared by ``delayAfter`` commits or more, the next waits for more to share it,
            // until ``enoughToFlush`` are waiting; a request that comes alone is flushed at once.
            if commitDelay > 0, let previous, previous.commits >= Self.delayAfter {
                let due = previous.start + commitDelay
                let now = DispatchTime.now().uptimeNanoseconds
                if now < due { delay(due - now) }
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let batch = queue.withLock { waiting -> Waiting? in
                guard !waiting.waiters.isEmpty else {
                    waiting.draining = false
                    return nil
                }
                defer {
                    waiting.bytes = []
                    waiting.files = []
                    waiting.waiters = []
                }
                return waiting
            }
            guard let batch else { return }
            previous = (start, batch.waiters.count)
            let failure = queue.withLock { $0.failure }
            let result: Result<Void, any Error>
            if let failure {
                result = .failure(ServerError.storage(failure))
            } else {
                do {
                    try write(batch.bytes, files: batch.files)
                    result = .success(())
                } catch let broken as Broken {
                    queue.withLock { $0.failure = broken.reason + " (restart the daemon: it replays the journal)" }
                    result = .failure(OutcomeUnknown(reason: broken.reason))
                } catch {
                    result = .failure(error)
                }
            }
            for waiter in batch.waiters { waiter(result) }
        }
    }

    /// Waits up to `nanoseconds` for more commits, or until ``enoughToFlush`` are waiting.
    private func delay(_ nanoseconds: UInt64) {
        let enough = queue.withLock { waiting in
            waiting.delaying = waiting.waiters.count < Self.enoughToFlush
            return !waiting.delaying
        }
        guard !enough else { return }
        onPause?(.waiting(nanoseconds))
        let woken = wake.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success
        // A wake sent after the wait timed out stays in the semaphore and cuts the next wait
        // short: one early flush, never a lost commit.
        queue.withLock { $0.delaying = false }
        onPause?(.ended(early: woken))
    }

    /// Appends one batch to the current generation and flushes it; retires the generation
    /// once it is full.
    private func write(_ bytes: [UInt8], files: [String]) throws {
        let retired = try writer.withLock { writer throws -> Generation? in
            if writer.generation == nil { writer.generation = try openGeneration() }
            guard var generation = writer.generation else { return nil }
            if !generation.appendsOnly, Self.grow(&generation, toHold: generation.size + bytes.count) != nil {
                // No room for the zeros ahead (a nearly full disk): the batch alone may still fit,
                // written as an append, and so may the next ones.
                guard ftruncate(generation.descriptor, off_t(generation.size)) == 0 else {
                    throw Broken(reason: "cannot grow the journal \"\(generation.path)\" nor cut it back: \(String(cString: strerror(errno)))")
                }
                generation.filled = generation.size
                generation.appendsOnly = true
            }
            if let reason = FileWriting.writeAll(bytes, to: generation.descriptor, at: generation.size) {
                // Half a batch would end the journal there for a replay until a later batch
                // overwrote it: cut it off (zeros and all), and only this batch fails (a full
                // disk may drain).
                guard ftruncate(generation.descriptor, off_t(generation.size)) == 0 else {
                    throw Broken(reason: "cannot write the journal \"\(generation.path)\" nor cut it back: \(reason)")
                }
                generation.filled = generation.size
                writer.generation = generation
                throw ServerError.storage("cannot write the journal \"\(generation.path)\": \(reason)")
            }
            // After a failed flush the kernel may have dropped the pages: nothing written since
            // the last good flush can be trusted, so the journal takes no more commits.
            guard fdatasync(generation.descriptor) == 0 else {
                throw Broken(reason: "cannot flush the journal \"\(generation.path)\": \(String(cString: strerror(errno)))")
            }
            flushCount.add(1, ordering: .relaxed)
            generation.size += bytes.count
            generation.filled = max(generation.filled, generation.size)
            generation.files += files
            if generation.files.count >= generation.sortOutAt {
                generation.files = Array(Set(generation.files))
                generation.sortOutAt = max(4_096, generation.files.count * 2)
            }
            guard generation.size >= rotateAfter else {
                writer.generation = generation
                return nil
            }
            writer.generation = nil
            return generation
        }
        if let retired {
            retiredCount.add(1, ordering: .relaxed)
            retiring.async { self.retire(retired) }
        }
    }

    /// Zero-fills `generation`'s file to the next ``growth`` boundary past `end` when it holds
    /// less; why it could not, or `nil`.
    private static func grow(_ generation: inout Generation, toHold end: Int) -> String? {
        guard end > generation.filled else { return nil }
        let target = (end + growth - 1) / growth * growth
        while generation.filled < target {
            let count = min(zeros.count, target - generation.filled)
            if let reason = FileWriting.writeAll(zeros[..<count], to: generation.descriptor, at: generation.filled) { return reason }
            generation.filled += count
        }
        return nil
    }

    /// A new journal file, numbered after every one in the folder, durable before its first
    /// entry is acknowledged.
    private func openGeneration() throws -> Generation {
        var number = (JournalReplay.generations(in: folder).last?.number ?? 0) + 1
        var descriptor: Int32 = -1
        var path = ""
        for _ in 0..<100 {
            path = folder + "/" + Self.namePrefix + String(format: "%06d", number)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
            number += 1
        }
        guard descriptor >= 0 else {
            throw ServerError.storage("cannot create the journal \"\(path)\": \(String(cString: strerror(errno)))")
        }
        if let reason = FileWriting.writeAll(JournalFrame.header, to: descriptor) {
            close(descriptor)
            unlink(path)
            throw ServerError.storage("cannot write the journal \"\(path)\": \(reason)")
        }
        FileWriting.syncFolder(folder)
        return Generation(path: path, descriptor: descriptor, size: JournalFrame.header.count, filled: JournalFrame.header.count)
    }

    /// Flushes the transcripts of retired generations, oldest first, and removes each whose
    /// transcripts are all on disk. One that cannot be flushed (a transcript the daemon cannot
    /// open just now) stays, and so does every later one, however well flushed: a replay of
    /// the older alone would cut transcripts back to where it ends. Each retirement tries the
    /// kept ones again first. Runs on `retiring` only.
    private func retire(_ generation: Generation) {
        close(generation.descriptor)
        let removable = kept.withLock { kept -> [Generation] in
            var generation = generation
            generation.files = Array(Set(generation.files))
            kept.append(generation)
            var removable: [Generation] = []
            while let oldest = kept.first, Self.flush(oldest.files, in: folder) {
                removable.append(kept.removeFirst())
            }
            return removable
        }
        guard !removable.isEmpty else { return }
        // The new transcripts' names, before the journal that could make them again goes.
        FileWriting.syncFolder(folder)
        for generation in removable { unlink(generation.path) }
        FileWriting.syncFolder(folder)
    }

    /// Flushes each of `files`; `false` if any could not be.
    private static func flush(_ files: [String], in folder: String) -> Bool {
        var flushedAll = true
        for file in files {
            let descriptor = open(folder + "/" + file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                // Removed since: there is nothing left to keep.
                if errno != ENOENT { flushedAll = false }
                continue
            }
            if fsync(descriptor) != 0 { flushedAll = false }
            close(descriptor)
        }
        return flushedAll
    }
}
